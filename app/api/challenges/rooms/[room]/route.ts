import { resetRoomChallenges, roomChallenges } from '@/lib/server/challenge-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ room: string }> };

/** GET /api/challenges/rooms/:room: per task, how many of the room's learners passed it. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return roomChallenges(request, (await params).room);
}

/** DELETE /api/challenges/rooms/:room: start the class over. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  return resetRoomChallenges(request, (await params).room);
}
