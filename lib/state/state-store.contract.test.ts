import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStateStore, type StateStore } from '../oauth/state-store';
import { FileStateStore } from './file-state-store';
import { connectRedis, RedisStateStore, whenReady } from './redis-state-store';
import { redisServerMissing, startRedisServer, type RedisTestServer } from './redis-test-server';

// One contract, every implementation: the memory store, the data-folder store and the Redis
// store against a real, private redis-server. Real time, short windows (Redis expires keys by
// its own clock, so no fake clock can drive all three).

const LIMIT = 3;
const SLACK = 25; // ms a Redis-derived resetAt may differ from the local clock's

interface Backend {
  readonly name: string;
  readonly skip?: string | null;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** A fresh, empty store. */
  create(): Promise<StateStore>;
}

const dirs: string[] = [];
let redisServer: RedisTestServer | undefined;
const clients: Redis[] = [];
const missing = redisServerMissing();
if (missing) console.warn(missing);

const backends: Backend[] = [
  { name: 'memory', create: async () => new MemoryStateStore({ maxRevocationsPerClient: LIMIT }) },
  {
    name: 'data folder',
    create: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'flowlab-state-'));
      dirs.push(dir);
      return FileStateStore.open(join(dir, 'state.json'), { maxRevocationsPerClient: LIMIT });
    },
    teardown: async () => {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  },
  {
    name: 'redis',
    skip: missing,
    setup: async () => {
      redisServer = await startRedisServer();
    },
    create: async () => {
      const redis = connectRedis(redisServer!.url);
      clients.push(redis);
      expect(await whenReady(redis)).toBe(true);
      await redis.flushall();
      return new RedisStateStore(redis, { maxRevocationsPerClient: LIMIT });
    },
    teardown: async () => {
      for (const c of clients) c.disconnect();
      await redisServer?.stop();
    },
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(`StateStore contract: ${backend.name}`, () => {
    beforeAll(async () => backend.setup?.());
    afterAll(async () => backend.teardown?.());

    it('revokes until the token expires, and only that token', async () => {
      const s = await backend.create();
      expect(await s.revoke('a', Date.now() + 200, 'abc')).toEqual({ ok: true });
      expect(await s.isRevoked('a')).toBe(true);
      expect(await s.isRevoked('b')).toBe(false);
      await sleep(300);
      expect(await s.isRevoked('a')).toBe(false);
    });

    it('stores nothing for an already expired token', async () => {
      const s = await backend.create();
      expect(await s.revoke('old', Date.now() - 1, 'abc')).toEqual({ ok: true });
      expect(await s.isRevoked('old')).toBe(false);
    });

    it('counts in fixed windows, and peeks without counting', async () => {
      const s = await backend.create();
      const started = Date.now();
      const first = await s.increment('k', 300);
      expect(first.count).toBe(1);
      expect(Math.abs(first.resetAt - (started + 300))).toBeLessThanOrEqual(SLACK);
      const second = await s.increment('k', 300);
      expect(second.count).toBe(2);
      expect(Math.abs(second.resetAt - first.resetAt)).toBeLessThanOrEqual(SLACK);
      const peeked = await s.peek('k');
      expect(peeked?.count).toBe(2);
      expect(Math.abs(peeked!.resetAt - first.resetAt)).toBeLessThanOrEqual(SLACK);
      expect((await s.peek('k'))?.count).toBe(2);
      expect(await s.peek('other')).toBeNull();
      await sleep(first.resetAt - Date.now() + 50);
      expect(await s.peek('k')).toBeNull();
      const next = await s.increment('k', 300);
      expect(next.count).toBe(1);
      expect(next.resetAt).toBeGreaterThan(first.resetAt + 200);
    });

    it('limits outstanding revocations per client, telling when a place frees up', async () => {
      const s = await backend.create();
      const exp = Date.now() + 60_000;
      for (let i = 0; i < LIMIT; i++)
        expect((await s.revoke(`t${i}`, exp + i, 'abc')).ok).toBe(true);
      expect(await s.revoke('one-more', exp, 'abc')).toEqual({ ok: false, retryAt: exp });
      expect(await s.isRevoked('one-more')).toBe(false);
      expect(await s.revoke('t1', exp + 1, 'abc')).toEqual({ ok: true }); // again: still fine
      expect((await s.revoke('theirs', exp, 'myapp123')).ok).toBe(true); // another client
    });

    it('refuses past the limit when told to refuse, as by default', async () => {
      const s = await backend.create();
      const exp = Date.now() + 60_000;
      for (let i = 0; i < LIMIT; i++)
        expect(await s.revoke(`t${i}`, exp + i, 'abc', 'refuse')).toEqual({ ok: true });
      expect(await s.revoke('one-more', exp + 9, 'abc', 'refuse')).toEqual({
        ok: false,
        retryAt: exp,
      });
      for (let i = 0; i < LIMIT; i++) expect(await s.isRevoked(`t${i}`)).toBe(true);
      expect(await s.isRevoked('one-more')).toBe(false);
    });

    it('evicting when full: the new revocation takes the place of the one expiring soonest', async () => {
      const s = await backend.create();
      const exp = Date.now() + 60_000;
      // revoked out of expiry order: the soonest to expire is neither the first nor the last
      const first = [
        ['late', exp + 30],
        ['soonest', exp],
        ['middle', exp + 20],
      ] as const;
      expect(first).toHaveLength(LIMIT);
      for (const [jti, e] of first)
        expect(await s.revoke(jti, e, 'abc', 'evict-soonest')).toEqual({ ok: true });
      expect(await s.revoke('newest', exp + 10, 'abc', 'evict-soonest')).toEqual({
        ok: true,
        evicted: 'soonest',
      });
      expect(await s.isRevoked('soonest')).toBe(false);
      for (const jti of ['late', 'middle', 'newest']) expect(await s.isRevoked(jti)).toBe(true);
      // exactly the limit is held: a refusing revocation is refused, the soonest now `newest`
      expect(await s.revoke('probe', exp + 40, 'abc')).toEqual({ ok: false, retryAt: exp + 10 });
      // the newest can itself be the soonest to expire next time: it goes then, not before
      expect(await s.revoke('last', exp + 50, 'abc', 'evict-soonest')).toEqual({
        ok: true,
        evicted: 'newest',
      });
      expect(await s.isRevoked('last')).toBe(true);
      expect(await s.revoke('last', exp + 50, 'abc', 'evict-soonest')).toEqual({ ok: true }); // again
      expect(await s.isRevoked('late')).toBe(true);
      expect((await s.revoke('theirs', exp, 'myapp123')).ok).toBe(true); // another client's quota
    });

    it('frees a place when a revoked token expires', async () => {
      const s = await backend.create();
      for (let i = 0; i < LIMIT; i++) await s.revoke(`t${i}`, Date.now() + 150, 'abc');
      expect((await s.revoke('late', Date.now() + 60_000, 'abc')).ok).toBe(false);
      await sleep(250);
      expect((await s.revoke('late', Date.now() + 60_000, 'abc')).ok).toBe(true);
    });

    it('clear forgets every revocation and counter', async () => {
      const s = await backend.create();
      for (let i = 0; i < LIMIT; i++) await s.revoke(`t${i}`, Date.now() + 60_000, 'abc');
      await s.increment('k', 60_000);
      await s.clear();
      expect(await s.isRevoked('t0')).toBe(false);
      expect(await s.peek('k')).toBeNull();
      expect((await s.revoke('fresh', Date.now() + 60_000, 'abc')).ok).toBe(true);
    });

    it('accepts a one-time key once until it expires, and keeps it across clear', async () => {
      const s = await backend.create();
      const exp = Date.now() + 250;
      expect(await s.wasUsed('jti:abc:1')).toBe(false);
      expect(await s.useOnce('jti:abc:1', exp)).toBe(true);
      expect(await s.wasUsed('jti:abc:1')).toBe(true);
      expect(await s.useOnce('jti:abc:1', exp)).toBe(false);
      expect(await s.useOnce('jti:other:1', exp)).toBe(true);
      await s.clear();
      expect(await s.wasUsed('jti:abc:1')).toBe(true);
      expect(await s.useOnce('jti:abc:1', exp)).toBe(false);
      await sleep(exp - Date.now() + 50);
      expect(await s.wasUsed('jti:abc:1')).toBe(false);
      expect(await s.useOnce('jti:abc:1', Date.now() + 60_000)).toBe(true);
    });

    it('lets exactly one of concurrent uses of a key win', async () => {
      const s = await backend.create();
      const exp = Date.now() + 60_000;
      const wins = await Promise.all(Array.from({ length: 20 }, () => s.useOnce('race', exp)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('counts concurrent increments exactly once each', async () => {
      const s = await backend.create();
      const counts = await Promise.all(
        Array.from({ length: 50 }, () => s.increment('burst', 60_000)),
      );
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect((await s.peek('burst'))?.count).toBe(50);
    });

    it('keeps exactly the limit under concurrent evicting revocations', async () => {
      const s = await backend.create();
      const exp = Date.now() + 60_000;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => s.revoke(`c${i}`, exp + i, 'abc', 'evict-soonest')),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.ok && r.evicted !== undefined)).toHaveLength(10 - LIMIT);
      const held = [];
      for (let i = 0; i < 10; i++) if (await s.isRevoked(`c${i}`)) held.push(i);
      expect(held).toHaveLength(LIMIT);
    });

    it('keeps the per-client limit under concurrent revocations', async () => {
      const s = await backend.create();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => s.revoke(`c${i}`, Date.now() + 60_000, 'abc')),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(LIMIT);
    });
  });
}
