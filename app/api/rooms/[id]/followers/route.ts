import { joinRoom, leaveRoom } from '@/lib/server/room-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** POST /api/rooms/:id/followers `{}`: a learner joins; answers `{ followerId, followerKey }`. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  return joinRoom(request, (await params).id);
}

/** DELETE /api/rooms/:id/followers `{ followerId, followerKey }`: a learner leaves for good. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  return leaveRoom(request, (await params).id);
}
