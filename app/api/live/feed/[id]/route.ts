import { feedCredentialResponse } from '@/lib/server/live-hub';

export const dynamic = 'force-dynamic';

/**
 * GET /api/live/feed/:id: the unmasked credential of one feed event, while it is still buffered.
 * The stream only ever carries masked values; the presenter reveals one on purpose, and the
 * response is same-origin only (no CORS) and never cached.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return feedCredentialResponse((await params).id);
}
