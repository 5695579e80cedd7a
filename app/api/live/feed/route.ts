import { feedResponse } from '@/lib/server/live-hub';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * GET /api/live/feed: the live request feed as Server-Sent Events (`event: request`, id = the
 * feed's sequence number). `?client=abc` filters by client. A reconnecting client sends
 * `Last-Event-ID` (or `?since=<id>`) and receives every event after it still in the buffer.
 * The presenter only (`live:present`): it shows every learner's requests.
 */
async function handleGet(request: Request): Promise<Response> {
  return (await requirePresenter(request)) ?? feedResponse(request);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
