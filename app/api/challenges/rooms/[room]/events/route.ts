import { roomChallengeEvents } from '@/lib/server/challenge-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/challenges/rooms/:room/events: `event: room` at every change (the instructor). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ room: string }> },
): Promise<Response> {
  return roomChallengeEvents(request, (await params).room);
}
