import { liveHub, noStoreJson } from '../live-hub';

export const dynamic = 'force-dynamic';

/** GET /api/live/stats: open live connections and rooms (diagnostics and the load test). */
export async function GET(): Promise<Response> {
  const hub = liveHub();
  return noStoreJson({
    connections: { ...hub.connections },
    rooms: hub.rooms.size,
    feedLastId: await hub.feed.latestId(),
  });
}
