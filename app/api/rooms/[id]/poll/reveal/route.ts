import { liveHub } from '../../../../live/live-hub';
import { presenterKey, roomResponse } from '../../../room-http';

export const dynamic = 'force-dynamic';

/** POST /api/rooms/:id/poll/reveal (X-Room-Key): shows the counts and the correct answer. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return roomResponse(liveHub().rooms.revealPoll(id, presenterKey(request)));
}
