/**
 * The live feed as a Server-Sent Events body: a backlog (everything after the client's
 * `Last-Event-ID`, or the latest events for a fresh client), then every new event, with resets
 * when the feed is cleared. Framework-free.
 */
import { matchesClient, toFeedItem, type FeedEntry, type FeedStore } from './feed';
import { createSseStream, parseLastEventId } from './sse';

/** Events sent to a client that connects fresh (no Last-Event-ID, no `since`). */
export const INITIAL_BACKLOG = 100;

/**
 * Where a view resumes: `<epoch>.<id>` (the SSE ids this stream sends, and the hook's `?since=`),
 * or a bare id of an unknown epoch.
 */
export function parseResumePoint(value: string | null): { epoch: string | null; id: number } {
  const match = /^([0-9a-f]{1,32})\.(\d{1,15})$/.exec(value?.trim() ?? '');
  if (match) return { epoch: match[1]!, id: Number(match[2]) };
  return { epoch: null, id: parseLastEventId(value) };
}

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
      const resume = parseResumePoint(resumeFrom);
      let sentUpTo = resume.id;
      let epoch = '';
      let backlogDone = false;
      const pending: { entry: FeedEntry; epoch: string }[] = [];
      // Ids of another epoch are another sequence: the view starts over, from 0 of the new one.
      const startOver = (next: string) => {
        epoch = next;
        sentUpTo = 0;
        channel.send({ event: 'reset', data: JSON.stringify({ lastId: 0, epoch }) });
      };
      const send = (entry: FeedEntry, of: string) => {
        if (of !== epoch) startOver(of);
        if (entry.id <= sentUpTo) return;
        sentUpTo = entry.id;
        if (!matchesClient(entry, client)) return;
        channel.send({
          id: `${epoch}.${entry.id}`,
          event: 'request',
          data: JSON.stringify(toFeedItem(entry)),
        });
      };

      const closed = options.onOpen?.();
      // Subscribe before reading the backlog, so nothing appended in between is missed.
      const unsubscribe = feed.subscribe((message) => {
        // The store went away: end the stream, so the view says it is reconnecting (and resumes
        // from its last id once the store is back) instead of showing a silent feed as live.
        if (message.type === 'lost') return channel.close();
        if (message.type === 'reset') {
          channel.send({ event: 'reset', data: JSON.stringify({ lastId: message.lastId, epoch }) });
        } else if (backlogDone) {
          send(message.entry, message.epoch);
        } else {
          pending.push(message);
        }
      });

      channel.send({ retry: 2000, event: 'hello', data: JSON.stringify({ client, resuming }) });
      void (async () => {
        // A resume point of another epoch (a restarted server, a Redis that lost its data) names
        // ids of another sequence: the client starts over, whatever the numbers say.
        const current = await feed.epoch();
        if (sentUpTo > 0 && resume.epoch !== current) startOver(current);
        epoch = current;
        const entries = await feed.since(sentUpTo);
        const backlog = resuming ? entries : entries.slice(-INITIAL_BACKLOG);
        for (const entry of backlog) send(entry, current);
        backlogDone = true;
        for (const message of pending.splice(0)) send(message.entry, message.epoch);
        channel.send({ event: 'ready', data: JSON.stringify({ lastId: sentUpTo, epoch }) });
      })().catch(() => channel.close()); // feed store unreachable: the client retries in 2 s

      return () => {
        closed?.();
        unsubscribe();
      };
    },
  });
}
