import { liveHub } from '../../../../live/live-hub';
import { errorResponse, field, readJson, roomResponse } from '../../../room-http';

export const dynamic = 'force-dynamic';

/**
 * PUT /api/rooms/:id/poll/vote `{ followerId, followerKey, pollId, optionId }`: one vote per
 * follower per poll, changeable until the reveal.
 */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const body = await readJson(request);
  const followerId = field(body, 'followerId');
  const followerKey = field(body, 'followerKey');
  const pollId = field(body, 'pollId');
  const optionId = field(body, 'optionId', 50);
  if (!followerId || !followerKey || !pollId || !optionId)
    return errorResponse('invalid_vote', 400);
  return roomResponse(liveHub().rooms.vote(id, followerId, followerKey, pollId, optionId), () => ({
    voted: optionId,
  }));
}
