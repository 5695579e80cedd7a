import { vote } from '@/lib/server/room-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * PUT /api/rooms/:id/poll/vote `{ followerId, followerKey, pollId, optionId }`: one vote per
 * follower per poll, changeable until the reveal, only while following.
 */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return vote(request, (await params).id);
}
