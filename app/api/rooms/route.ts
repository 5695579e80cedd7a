import { openRoom } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms `{ lesson, scenario, step }`: opens a follow-me room. The answer carries the
 * room key once (the presenter only: `live:present`); the presenter keeps it (localStorage) and sends it as X-Room-Key.
 */
async function handlePost(request: Request): Promise<Response> {
  return (await requirePresenter(request)) ?? openRoom(request);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: handlePost });
