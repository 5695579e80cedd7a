import { liveHub, noStoreJson } from '../../live-hub';

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
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id)) return noStoreJson({ error: 'not_found' }, 404);
  const entry = await liveHub().feed.get(Number(id));
  if (!entry) return noStoreJson({ error: 'not_found' }, 404);
  return noStoreJson({ id: entry.id, credential: entry.event.credential ?? null });
}
