import { statsResponse } from '@/lib/server/live-hub';
import { requirePresenter } from '@/lib/server/presenter-auth';

export const dynamic = 'force-dynamic';

/** GET /api/live/stats: open live connections and rooms (the presenter only: `live:present`). */
export async function GET(request: Request): Promise<Response> {
  return (await requirePresenter(request)) ?? statsResponse();
}
