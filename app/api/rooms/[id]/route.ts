import { liveHub } from '../../live/live-hub';
import { presenterKey, roomResponse } from '../room-http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** GET /api/rooms/:id: the room's public state. */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return roomResponse(liveHub().rooms.snapshot(id));
}

/** DELETE /api/rooms/:id (X-Room-Key): the presenter ends the room; followers are told. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return roomResponse(liveHub().rooms.close(id, presenterKey(request)), () => ({ closed: true }));
}
