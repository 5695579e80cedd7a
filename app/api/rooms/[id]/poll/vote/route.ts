import { vote } from '@/lib/server/room-routes';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * PUT /api/rooms/:id/poll/vote `{ followerId, followerKey, pollId, optionId }`: one vote per
 * follower per poll, changeable until the reveal, only while following.
 */
async function handlePut(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return vote(request, (await params).id);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ PUT: handlePut });
