import { openPoll, presenterAction } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** POST /api/rooms/:id/poll (X-Room-Key) `{ questionId }`: opens a poll on a lesson question. */
async function handlePost(request: Request, { params }: Params): Promise<Response> {
  return (await requirePresenter(request)) ?? openPoll(request, (await params).id);
}

/** DELETE /api/rooms/:id/poll (X-Room-Key): takes the poll down. */
async function handleDelete(request: Request, { params }: Params): Promise<Response> {
  return (
    (await requirePresenter(request)) ??
    presenterAction(request, (await params).id, (room) => room.closePoll())
  );
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  POST: handlePost,
  DELETE: handleDelete,
});
