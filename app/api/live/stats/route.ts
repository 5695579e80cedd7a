import { statsResponse } from '@/lib/server/live-hub';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/live/stats: open live connections and rooms (the presenter only: `live:present`). */
export async function GET(request: Request): Promise<Response> {
  return (await requirePresenter(request)) ?? statsResponse();
}
