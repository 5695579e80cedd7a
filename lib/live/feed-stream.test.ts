import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../oauth/events';
import { InMemoryFeedStore, type FeedEntry, type FeedListener, type FeedStore } from './feed';
import { createFeedStream, parseResumePoint } from './feed-stream';

const event = (clientId: string): AuthEvent => ({
  at: 1_700_000_000_000,
  endpoint: 'token',
  method: 'POST',
  path: '/token',
  clientId,
  status: 200,
  durationMs: 1,
  checks: [{ id: 'method', ok: true }],
});

interface Received {
  readonly event: string;
  readonly id?: string;
  readonly data: Record<string, unknown>;
}

/** Reads SSE messages from the stream until `done` says so (or 50 reads). */
async function readUntil(
  stream: ReadableStream<Uint8Array>,
  done: (got: readonly Received[]) => boolean,
): Promise<Received[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const got: Received[] = [];
  let text = '';
  for (let i = 0; i < 50 && !done(got); i++) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value);
    let end: number;
    while ((end = text.indexOf('\n\n')) !== -1) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      const name = field('event');
      if (!name) continue;
      const id = field('id');
      got.push({ event: name, ...(id ? { id } : {}), data: JSON.parse(field('data') ?? '{}') });
    }
  }
  await reader.cancel();
  return got;
}

/** A feed of epoch `aaaa` holding `entries`, whose listeners a test calls itself. */
function fakeFeed(entries: readonly FeedEntry[]) {
  const listeners = new Set<FeedListener>();
  const feed: FeedStore = {
    append: async () => {
      throw new Error('unused');
    },
    since: async () => entries,
    get: async () => undefined,
    latestId: async () => entries.at(-1)?.id ?? 0,
    epoch: async () => 'aaaa',
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    clear: async () => {},
  };
  return { feed, listeners };
}

const requests = (got: readonly Received[]) =>
  got.filter((m) => m.event === 'request').map((m) => [m.id, m.data.clientId]);
const isReady = (got: readonly Received[]) => got.some((m) => m.event === 'ready');

describe('parseResumePoint', () => {
  it('reads <epoch>.<id>, and a bare id as of no known epoch', () => {
    expect(parseResumePoint('0a1b2c3d4e5f.12')).toEqual({ epoch: '0a1b2c3d4e5f', id: 12 });
    expect(parseResumePoint('12')).toEqual({ epoch: null, id: 12 });
    expect(parseResumePoint('x.12')).toEqual({ epoch: null, id: 0 });
    expect(parseResumePoint(null)).toEqual({ epoch: null, id: 0 });
  });
});

describe('the feed stream', () => {
  it('resumes after an id of its own epoch, naming each id with the epoch', async () => {
    const feed = new InMemoryFeedStore();
    for (const c of ['a', 'b', 'c']) feed.appendNow(event(c));
    const epoch = await feed.epoch();
    const got = await readUntil(
      createFeedStream({ feed, client: null, resumeFrom: `${epoch}.1` }),
      isReady,
    );
    expect(got.map((m) => m.event)).toEqual(['hello', 'request', 'request', 'ready']);
    expect(requests(got)).toEqual([
      [`${epoch}.2`, 'b'],
      [`${epoch}.3`, 'c'],
    ]);
    expect(got.at(-1)?.data).toEqual({ lastId: 3, epoch });
  });

  it('starts a view over when its resume point is of another epoch, though the number is lower than the latest (a restarted server)', async () => {
    const feed = new InMemoryFeedStore();
    for (const c of ['a', 'b', 'c', 'd', 'e']) feed.appendNow(event(c));
    for (const resumeFrom of ['0123456789ab.3', '3']) {
      const got = await readUntil(createFeedStream({ feed, client: null, resumeFrom }), isReady);
      expect(got.map((m) => m.event).slice(0, 2)).toEqual(['hello', 'reset']);
      expect(got[1]?.data).toEqual({ lastId: 0, epoch: await feed.epoch() });
      // every entry of this server, not only those after 3
      expect(requests(got).map(([, c]) => c)).toEqual(['a', 'b', 'c', 'd', 'e']);
    }
  });

  it('starts over when a live entry comes from a new epoch (Redis lost its ids while the stream was open)', async () => {
    const { feed, listeners } = fakeFeed([{ id: 7, event: event('old') }]);
    const stream = createFeedStream({ feed, client: null, resumeFrom: null });
    const reading = readUntil(stream, (got) => requests(got).length === 2);
    await new Promise((r) => setTimeout(r, 10));
    for (const l of listeners)
      l({ type: 'entry', epoch: 'bbbb', entry: { id: 1, event: event('new') } });
    const got = await reading;
    expect(got.map((m) => m.event)).toEqual(['hello', 'request', 'ready', 'reset', 'request']);
    expect(got[3]?.data).toEqual({ lastId: 0, epoch: 'bbbb' });
    expect(requests(got)).toEqual([
      ['aaaa.7', 'old'],
      ['bbbb.1', 'new'],
    ]);
  });

  it('ends when the store says it lost its connection, so the view reconnects instead of showing a silent feed as live', async () => {
    const { feed, listeners } = fakeFeed([]);
    const stream = createFeedStream({ feed, client: null, resumeFrom: null });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: ready')) text += decoder.decode((await reader.read()).value);
    for (const l of listeners) l({ type: 'lost' });
    expect((await reader.read()).done).toBe(true);
    expect(listeners.size).toBe(0); // and it stopped listening
  });
});
