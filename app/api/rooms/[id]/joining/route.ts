import { setJoining } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** PUT /api/rooms/:id/joining (X-Room-Key) `{ open }`: the presenter opens or closes joining. */
async function handlePut(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (await requirePresenter(request)) ?? setJoining(request, (await params).id);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ PUT: handlePut });
