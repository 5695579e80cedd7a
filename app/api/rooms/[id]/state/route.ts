import { presenterBodyAction } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** PUT /api/rooms/:id/state (X-Room-Key) `{ scenario, step }`: the presenter moved. */
async function handlePut(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (
    (await requirePresenter(request)) ??
    presenterBodyAction(request, (await params).id, (room, body) => room.move(body))
  );
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ PUT: handlePut });
