import { feedCredentialResponse } from '@/lib/server/live-hub';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * GET /api/live/feed/:id: the unmasked credential of one feed event, while it is still buffered.
 * The stream only ever carries masked values; the presenter reveals one on purpose, and the
 * response is same-origin only (no CORS) and never cached. The presenter only (`live:present`).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return (await requirePresenter(request)) ?? feedCredentialResponse((await params).id);
}
