import { resetRoomChallenges, roomChallenges } from '@/lib/server/challenge-routes';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ room: string }> };

/** GET /api/challenges/rooms/:room: per task, how many of the room's learners passed it. */
async function handleGet(request: Request, { params }: Params): Promise<Response> {
  return roomChallenges(request, (await params).room);
}

/** DELETE /api/challenges/rooms/:room: start the class over. */
async function handleDelete(request: Request, { params }: Params): Promise<Response> {
  return resetRoomChallenges(request, (await params).room);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  GET: handleGet,
  DELETE: handleDelete,
});
