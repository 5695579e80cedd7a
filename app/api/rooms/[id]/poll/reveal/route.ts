import { presenterAction } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** POST /api/rooms/:id/poll/reveal (X-Room-Key): shows the counts and the correct answer. */
async function handlePost(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (
    (await requirePresenter(request)) ??
    presenterAction(request, (await params).id, (room) => room.revealPoll())
  );
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: handlePost });
