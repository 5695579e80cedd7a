import { roomChallengeEvents } from '@/lib/server/challenge-routes';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/challenges/rooms/:room/events: `event: room` at every change (the instructor). */
async function handleGet(
  request: Request,
  { params }: { params: Promise<{ room: string }> },
): Promise<Response> {
  return roomChallengeEvents(request, (await params).room);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
