import { statsResponse } from '@/lib/server/live-hub';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/live/stats: open live connections and rooms (the presenter only: `live:present`). */
async function handleGet(request: Request): Promise<Response> {
  return (await requirePresenter(request)) ?? statsResponse();
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
