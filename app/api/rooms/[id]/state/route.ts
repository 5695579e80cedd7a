import { liveHub } from '../../../live/live-hub';
import { errorResponse, presenterKey, readJson, roomResponse } from '../../room-http';

export const dynamic = 'force-dynamic';

/** PUT /api/rooms/:id/state (X-Room-Key) `{ scenario, step }`: the presenter moved. */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const body = await readJson(request);
  if (body === undefined) return errorResponse('invalid_state', 400);
  return roomResponse(liveHub().rooms.update(id, presenterKey(request), body));
}
