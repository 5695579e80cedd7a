import { joinRoomChallenges } from '@/lib/server/challenge-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** PUT /api/challenges/clients/:client/room `{ roomId, followerId, followerKey }`. */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ client: string }> },
): Promise<Response> {
  return joinRoomChallenges(request, (await params).client);
}
