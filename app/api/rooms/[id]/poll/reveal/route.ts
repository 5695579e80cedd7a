import { presenterAction } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** POST /api/rooms/:id/poll/reveal (X-Room-Key): shows the counts and the correct answer. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (
    (await requirePresenter(request)) ??
    presenterAction(request, (await params).id, (room) => room.revealPoll())
  );
}
