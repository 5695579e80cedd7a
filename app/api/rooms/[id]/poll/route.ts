import { openPoll, presenterAction } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** POST /api/rooms/:id/poll (X-Room-Key) `{ questionId }`: opens a poll on a lesson question. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  return (await requirePresenter(request)) ?? openPoll(request, (await params).id);
}

/** DELETE /api/rooms/:id/poll (X-Room-Key): takes the poll down. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  return (
    (await requirePresenter(request)) ??
    presenterAction(request, (await params).id, (room) => room.closePoll())
  );
}
