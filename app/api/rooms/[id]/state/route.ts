import { presenterBodyAction } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** PUT /api/rooms/:id/state (X-Room-Key) `{ scenario, step }`: the presenter moved. */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (
    (await requirePresenter(request)) ??
    presenterBodyAction(request, (await params).id, (room, body) => room.move(body))
  );
}
