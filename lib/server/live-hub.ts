/**
 * Next wiring of the live hub: connects the auth server's process-wide event source to the
 * feed, serves the feed's stream, resets the demo. Route handlers call these and nothing else.
 */
import 'server-only';
import { createFeedStream } from '@/lib/live/feed-stream';
import { MAX_FEED_STREAMS, attachEventSource, countConnection, type LiveHub } from '@/lib/live/hub';
import { SSE_HEADERS } from '@/lib/live/sse';
import { authEvents, resetDemoState } from '@/lib/server/auth';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** The process's live hub, fed by every request to /token, /api/data, /introspect, /revoke. */
export function liveHub(): LiveHub {
  return attachEventSource(authEvents);
}

/** Clears revocations and rate-limit counters, then the feed (the presenter's "reset demo"). */
export async function resetDemo(): Promise<void> {
  await resetDemoState();
  await liveHub().feed.clear();
}

/** JSON response that is never cached. */
export function noStoreJson(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * GET /api/live/feed as a response: `?client=` filters, `Last-Event-ID` or `?since=` resumes.
 * Refused with 503 once {@link MAX_FEED_STREAMS} streams are open.
 */
export function feedResponse(request: Request): Response {
  const hub = liveHub();
  if (hub.connections.feed >= MAX_FEED_STREAMS)
    return noStoreJson({ error: 'server_full' }, 503, { 'Retry-After': '5' });
  const url = new URL(request.url);
  const body = createFeedStream({
    feed: hub.feed,
    client: url.searchParams.get('client')?.slice(0, 200) || null,
    resumeFrom: request.headers.get('last-event-id') ?? url.searchParams.get('since'),
    signal: request.signal,
    onOpen: () => countConnection(hub, 'feed'),
  });
  return new Response(body, { headers: SSE_HEADERS });
}

/** GET /api/live/feed/:id as a response: one buffered event's unmasked credential. */
export async function feedCredentialResponse(id: string): Promise<Response> {
  if (!/^\d{1,15}$/.test(id)) return noStoreJson({ error: 'not_found' }, 404);
  const entry = await liveHub().feed.get(Number(id));
  if (!entry) return noStoreJson({ error: 'not_found' }, 404);
  return noStoreJson({ id: entry.id, credential: entry.event.credential ?? null });
}

/** GET /api/live/stats as a response: open live connections and rooms. */
export async function statsResponse(): Promise<Response> {
  const hub = liveHub();
  return noStoreJson({
    connections: { ...hub.connections },
    rooms: await hub.rooms.count().catch(() => null),
    feedLastId: await hub.feed.latestId(),
    // with it, `?since=<epoch>.<id>` resumes after that id (see lib/live/feed-stream.ts)
    feedEpoch: await hub.feed.epoch(),
  });
}
