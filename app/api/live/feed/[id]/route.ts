import { feedCredentialResponse } from '@/lib/server/live-hub';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * GET /api/live/feed/:id: the unmasked credential of one feed event, while it is still buffered.
 * The stream only ever carries masked values; the presenter reveals one on purpose, and the
 * response is same-origin only (no CORS) and never cached. The presenter only (`live:present`).
 */
async function handleGet(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (await requirePresenter(request)) ?? feedCredentialResponse((await params).id);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
