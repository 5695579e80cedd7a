import { liveHub } from '../../../live/live-hub';
import { errorResponse, field, readJson, roomResponse } from '../../room-http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** POST /api/rooms/:id/followers: a learner joins; answers `{ followerId, followerKey }`. */
export async function POST(_request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return roomResponse(liveHub().rooms.join(id), (v) => v, 201);
}

/** DELETE /api/rooms/:id/followers `{ followerId, followerKey }`: a learner leaves for good. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  const body = await readJson(request);
  const followerId = field(body, 'followerId');
  const followerKey = field(body, 'followerKey');
  if (!followerId || !followerKey) return errorResponse('unknown_follower', 404);
  return roomResponse(liveHub().rooms.leave(id, followerId, followerKey), () => ({ left: true }));
}
