import { presenterAction, roomState } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** GET /api/rooms/:id: the room's public state. */
async function handleGet(_request: Request, { params }: Params): Promise<Response> {
  return roomState((await params).id);
}

/** DELETE /api/rooms/:id (X-Room-Key): the presenter ends the room; followers are told. */
async function handleDelete(request: Request, { params }: Params): Promise<Response> {
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

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  GET: handleGet,
  DELETE: handleDelete,
});
