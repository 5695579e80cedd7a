import { roomEvents } from '@/lib/server/room-routes';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/:id/events[?follower=<id>]: the room's state as Server-Sent Events. Every
 * change is the full state (`event: state`, id = its version); `event: closed` ends the stream.
 * With a follower id, the open connection is what counts the follower as present.
 */
async function handleGet(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return roomEvents(request, (await params).id);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
