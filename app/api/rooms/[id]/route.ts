import { presenterAction, roomState } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** GET /api/rooms/:id: the room's public state. */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  return roomState((await params).id);
}

/** DELETE /api/rooms/:id (X-Room-Key): the presenter ends the room; followers are told. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  return (
    (await requirePresenter(request)) ??
    presenterAction(
      request,
      (await params).id,
      (room) => room.close(),
      () => ({ closed: true }),
    )
  );
}
