import { liveHub } from '../../../live/live-hub';
import {
  errorResponse,
  field,
  pollQuestion,
  presenterKey,
  readJson,
  roomResponse,
} from '../../room-http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** POST /api/rooms/:id/poll (X-Room-Key) `{ questionId }`: opens a poll on a lesson question. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  const hub = liveHub();
  const room = hub.rooms.snapshot(id);
  if (!room.ok) return roomResponse(room);
  const questionId = field(await readJson(request), 'questionId', 100);
  const question = questionId ? pollQuestion(room.value.lesson, questionId) : undefined;
  if (!question) return errorResponse('unknown_question', 400);
  return roomResponse(hub.rooms.openPoll(id, presenterKey(request), question));
}

/** DELETE /api/rooms/:id/poll (X-Room-Key): takes the poll down. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return roomResponse(liveHub().rooms.closePoll(id, presenterKey(request)));
}
