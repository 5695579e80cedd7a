import { openRoom } from '@/lib/server/room-routes';
import { requirePresenter } from '@/lib/server/presenter-auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms `{ lesson, scenario, step }`: opens a follow-me room. The answer carries the
 * room key once (the presenter only: `live:present`); the presenter keeps it (sessionStorage) and sends it as X-Room-Key.
 */
export async function POST(request: Request): Promise<Response> {
  return (await requirePresenter(request)) ?? openRoom(request);
}
