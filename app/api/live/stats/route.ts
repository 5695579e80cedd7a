import { statsResponse } from '@/lib/server/live-hub';

export const dynamic = 'force-dynamic';

/** GET /api/live/stats: open live connections and rooms (diagnostics and the load test). */
export async function GET(): Promise<Response> {
  return statsResponse();
}
