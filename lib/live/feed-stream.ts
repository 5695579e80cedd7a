/**
 * The live feed as a Server-Sent Events body: a backlog (everything after the client's
 * `Last-Event-ID`, or the latest events for a fresh client), then every new event, with resets
 * when the feed is cleared. Framework-free.
 */
import { matchesClient, toFeedItem, type FeedEntry, type FeedStore } from './feed';
import { createSseStream, parseLastEventId } from './sse';

/** Events sent to a client that connects fresh (no Last-Event-ID, no `since`). */
export const INITIAL_BACKLOG = 100;

/** What one feed stream serves. */
export interface FeedStreamOptions {
  readonly feed: FeedStore;
  /** Only events of this client (empty: all). */
  readonly client: string | null;
  /** The id the client resumes after (`Last-Event-ID` or `?since=`), null when fresh. */
  readonly resumeFrom: string | null;
  readonly signal?: AbortSignal;
  /** Runs when the stream opens; returns what runs when it closes (connection counting). */
  readonly onOpen?: () => () => void;
}

/** The body of a feed response (`event: hello`, backlog, `event: ready`, then live `request`s). */
export function createFeedStream(options: FeedStreamOptions): ReadableStream<Uint8Array> {
  const { feed, client, resumeFrom } = options;
  const resuming = resumeFrom !== null;
  return createSseStream({
    ...(options.signal ? { signal: options.signal } : {}),
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

      const closed = options.onOpen?.();
      // Subscribe before reading the backlog, so nothing appended in between is missed.
      const unsubscribe = feed.subscribe((message) => {
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
        if (sentUpTo > (await feed.latestId())) {
          sentUpTo = 0;
          channel.send({ event: 'reset', data: JSON.stringify({ lastId: 0 }) });
        }
        const entries = await feed.since(sentUpTo);
        const backlog = resuming ? entries : entries.slice(-INITIAL_BACKLOG);
        for (const entry of backlog) send(entry);
        backlogDone = true;
        for (const entry of pending.splice(0)) send(entry);
        channel.send({ event: 'ready', data: JSON.stringify({ lastId: sentUpTo }) });
      })().catch(() => channel.close()); // feed store unreachable: the client retries in 2 s

      return () => {
        closed?.();
        unsubscribe();
      };
    },
  });
}
