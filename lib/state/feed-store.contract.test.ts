import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryFeedStore, type FeedMessage, type FeedStore } from '../live/feed';
import type { AuthEvent } from '../oauth/events';
import { RedisFeedStore } from './redis-feed-store';
import { connectRedis, whenReady } from './redis-state-store';
import { redisServerMissing, startRedisServer, type RedisTestServer } from './redis-test-server';

// One FeedStore contract for the in-memory ring buffer and the Redis stream (real redis-server).

const CAPACITY = 5;
const missing = redisServerMissing();
if (missing) console.warn(missing);

const event = (n: number): AuthEvent => ({
  at: 1_700_000_000_000 + n,
  endpoint: 'token',
  method: 'POST',
  path: '/token',
  clientId: `client-${n}`,
  status: 200,
  durationMs: 1.5,
  checks: [{ id: 'method', ok: true }],
  credential: { kind: 'secret', value: `secret-é-${n}` },
});

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
};

let server: RedisTestServer | undefined;
const connections: Redis[] = [];

const backends: { name: string; skip?: string | null; create: () => Promise<FeedStore[]> }[] = [
  {
    name: 'memory',
    create: async () => {
      const one = new InMemoryFeedStore(CAPACITY);
      return [one, one];
    },
  },
  {
    name: 'redis (two instances)',
    skip: missing,
    create: async () => {
      server ??= await startRedisServer();
      const stores: FeedStore[] = [];
      for (let i = 0; i < 2; i++) {
        const redis = connectRedis(server.url);
        const subscriber = connectRedis(server.url, 'subscriber');
        connections.push(redis, subscriber);
        await whenReady(redis);
        stores.push(new RedisFeedStore(redis, subscriber, CAPACITY));
      }
      await connections.at(-2)!.flushall();
      return stores;
    },
  },
];

describe.skipIf(!!missing)('FeedStore: a Redis that lost its data', () => {
  it('starts a new epoch with its new ids', async () => {
    server ??= await startRedisServer();
    const redis = connectRedis(server.url);
    const subscriber = connectRedis(server.url, 'subscriber');
    connections.push(redis, subscriber);
    await whenReady(redis);
    const feed = new RedisFeedStore(redis, subscriber, CAPACITY);
    await feed.append(event(1));
    const before = await feed.epoch();
    await redis.flushall();
    expect((await feed.append(event(2))).id).toBe(1);
    expect(await feed.epoch()).not.toBe(before);
  });
});

describe.skipIf(!!missing)('FeedStore: a Redis that goes away', () => {
  it('tells its listeners the connection was lost', async () => {
    const own = await startRedisServer();
    const redis = connectRedis(own.url);
    const subscriber = connectRedis(own.url, 'subscriber');
    try {
      await whenReady(redis);
      const feed = new RedisFeedStore(redis, subscriber, CAPACITY);
      const heard: FeedMessage[] = [];
      feed.subscribe((m) => heard.push(m));
      await feed.since(0); // the subscription is live
      await own.stop();
      await until(() => heard.some((m) => m.type === 'lost'));
      expect(heard).toContainEqual({ type: 'lost' });
    } finally {
      redis.disconnect();
      subscriber.disconnect();
    }
  });
});

afterAll(async () => {
  for (const c of connections) c.disconnect();
  await server?.stop();
});

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(`FeedStore contract: ${backend.name}`, () => {
    let a: FeedStore;
    let b: FeedStore;
    beforeAll(async () => {
      [a, b] = (await backend.create()) as [FeedStore, FeedStore];
    });

    it('appends with increasing ids, bounded, readable from the other instance', async () => {
      const heard: FeedMessage[] = [];
      const stop = b.subscribe((m) => heard.push(m));
      await b.since(0); // as a stream does: subscribe, then read (the subscription is live)
      const start = await a.latestId();
      const entries = [];
      for (let n = 1; n <= 7; n++) entries.push(await a.append(event(n)));
      expect(entries.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => start + n));
      expect(await b.latestId()).toBe(start + 7);
      const held = await b.since(0);
      expect(held.map((e) => e.id)).toEqual([3, 4, 5, 6, 7].map((n) => start + n));
      expect(held[4]!.event).toEqual(event(7));
      expect((await b.since(start + 5)).map((e) => e.id)).toEqual([start + 6, start + 7]);
      expect((await b.since(0, 2)).map((e) => e.id)).toEqual([start + 3, start + 4]);
      expect((await b.get(start + 6))?.event.clientId).toBe('client-6');
      expect(await b.get(start + 1)).toBeUndefined(); // dropped past the capacity
      await until(() => heard.length === 7);
      expect(heard.map((m) => (m.type === 'entry' ? m.entry.id : -1))).toEqual(
        entries.map((e) => e.id),
      );
      stop();
    });

    it('names one epoch for its ids, the same at every instance, kept by clear', async () => {
      const heard: FeedMessage[] = [];
      const stop = b.subscribe((m) => heard.push(m));
      await b.since(0);
      const epoch = await a.epoch();
      expect(epoch).toMatch(/^[0-9a-f]{12}$/);
      expect(await b.epoch()).toBe(epoch);
      await a.append(event(9));
      await until(() => heard.length === 1);
      expect(heard[0]).toMatchObject({ type: 'entry', epoch });
      await a.clear();
      expect(await b.epoch()).toBe(epoch);
      stop();
    });

    it('clear drops every entry, keeps counting and tells every subscriber', async () => {
      const heard: FeedMessage[] = [];
      const stop = b.subscribe((m) => heard.push(m));
      const last = await a.latestId();
      await a.clear();
      expect(await b.since(0)).toEqual([]);
      expect(await b.latestId()).toBe(last);
      await until(() => heard.length === 1);
      expect(heard).toEqual([{ type: 'reset', lastId: last }]);
      expect((await b.append(event(8))).id).toBe(last + 1);
      stop();
    });
  });
}
