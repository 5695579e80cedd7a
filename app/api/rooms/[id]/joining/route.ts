import { setJoining } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** PUT /api/rooms/:id/joining (X-Room-Key) `{ open }`: the presenter opens or closes joining. */
export async function PUT(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (await requirePresenter(request)) ?? setJoining(request, (await params).id);
}
