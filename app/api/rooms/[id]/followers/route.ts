import { joinRoom, leaveRoom } from '@/lib/server/room-routes';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** POST /api/rooms/:id/followers `{}`: a learner joins; answers `{ followerId, followerKey }`. */
async function handlePost(request: Request, { params }: Params): Promise<Response> {
  return joinRoom(request, (await params).id);
}

/** DELETE /api/rooms/:id/followers `{ followerId, followerKey }`: a learner leaves for good. */
async function handleDelete(request: Request, { params }: Params): Promise<Response> {
  return leaveRoom(request, (await params).id);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  POST: handlePost,
  DELETE: handleDelete,
});
