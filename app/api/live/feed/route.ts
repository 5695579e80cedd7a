import { matchesClient, toFeedItem, type FeedEntry } from '@/lib/live/feed';
import { SSE_HEADERS, createSseStream, parseLastEventId } from '@/lib/live/sse';
import { liveHub } from '../live-hub';

export const dynamic = 'force-dynamic';

/** Events sent to a client that connects fresh (no Last-Event-ID, no `since`). */
const INITIAL_BACKLOG = 100;

/**
 * GET /api/live/feed: the live request feed as Server-Sent Events (`event: request`, id = the
 * feed's sequence number). `?client=abc` filters by client. A reconnecting client sends
 * `Last-Event-ID` (or `?since=<id>`) and receives every event after it still in the buffer.
 */
export function GET(request: Request): Response {
  const url = new URL(request.url);
  const client = url.searchParams.get('client')?.slice(0, 200) || null;
  const resumeFrom = request.headers.get('last-event-id') ?? url.searchParams.get('since');
  const resuming = resumeFrom !== null;
  const hub = liveHub();

  const body = createSseStream({
    signal: request.signal,
    start(channel) {
      let sentUpTo = parseLastEventId(resumeFrom);
      let backlogDone = false;
      const pending: FeedEntry[] = [];
      const send = (entry: FeedEntry) => {
        if (entry.id <= sentUpTo) return;
        sentUpTo = entry.id;
        if (!matchesClient(entry, client)) return;
        channel.send({ id: entry.id, event: 'request', data: JSON.stringify(toFeedItem(entry)) });
      };

      hub.connections.feed += 1;
      // Subscribe before reading the backlog, so nothing appended in between is missed.
      const unsubscribe = hub.feed.subscribe((message) => {
        if (message.type === 'reset') {
          channel.send({ event: 'reset', data: JSON.stringify({ lastId: message.lastId }) });
        } else if (backlogDone) {
          send(message.entry);
        } else {
          pending.push(message.entry);
        }
      });

      channel.send({ retry: 2000, event: 'hello', data: JSON.stringify({ client, resuming }) });
      void (async () => {
        // An id from before a server restart is ahead of this server's ids: start the client over.
        if (sentUpTo > (await hub.feed.latestId())) {
          sentUpTo = 0;
          channel.send({ event: 'reset', data: JSON.stringify({ lastId: 0 }) });
        }
        const entries = await hub.feed.since(sentUpTo);
        const backlog = resuming ? entries : entries.slice(-INITIAL_BACKLOG);
        for (const entry of backlog) send(entry);
        backlogDone = true;
        for (const entry of pending.splice(0)) send(entry);
        channel.send({ event: 'ready', data: JSON.stringify({ lastId: sentUpTo }) });
      })();

      return () => {
        hub.connections.feed -= 1;
        unsubscribe();
      };
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}
