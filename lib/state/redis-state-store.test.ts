import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Redis } from 'ioredis';
import { StateUnavailableError } from '../oauth/state-store';
import { connectRedis, RedisStateStore, whenReady } from './redis-state-store';
import { redisServerMissing, startRedisServer, type RedisTestServer } from './redis-test-server';

const missing = redisServerMissing();
if (missing) console.warn(missing);

describe.skipIf(!!missing)('RedisStateStore against a real redis-server', () => {
  let server: RedisTestServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    redis = connectRedis(server.url);
    await whenReady(redis);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('keeps its keys under flowlab:, each expiring with its token or window', async () => {
    const store = new RedisStateStore(redis);
    const exp = Date.now() + 60_000;
    await store.revoke('jti-1', exp, 'abc');
    await store.increment('auth-failures:lockout-demo', 30_000);
    expect((await redis.keys('*')).sort()).toEqual([
      'flowlab:hits:auth-failures:lockout-demo',
      'flowlab:revocations:abc',
      'flowlab:revoked:jti-1',
    ]);
    expect(await redis.pexpiretime('flowlab:revoked:jti-1')).toBe(exp);
    expect(await redis.pexpiretime('flowlab:revocations:abc')).toBe(exp);
    expect(await redis.pttl('flowlab:hits:auth-failures:lockout-demo')).toBeGreaterThan(29_000);
    await store.clear();
    expect(await redis.keys('*')).toEqual([]);
  });

  it('an eviction deletes the evicted key: the set and the keys stay at the limit', async () => {
    const store = new RedisStateStore(redis, { maxRevocationsPerClient: 2 });
    const exp = Date.now() + 60_000;
    for (let i = 0; i < 5; i++) await store.revoke(`e${i}`, exp + i, 'abc', 'evict-soonest');
    expect(await redis.zrange('flowlab:revocations:abc', '0', '-1')).toEqual(['e3', 'e4']);
    expect((await redis.keys('flowlab:revoked:*')).sort()).toEqual([
      'flowlab:revoked:e3',
      'flowlab:revoked:e4',
    ]);
    expect(await redis.pexpiretime('flowlab:revocations:abc')).toBe(exp + 4);
    // a limit lowered since (a restart with a smaller FLOWLAB_REVOCATIONS_PER_CLIENT)
    const lower = new RedisStateStore(redis, { maxRevocationsPerClient: 1 });
    expect(await lower.revoke('e5', exp + 5, 'abc', 'evict-soonest')).toEqual({
      ok: true,
      evicted: 'e3',
    });
    expect(await redis.zrange('flowlab:revocations:abc', '0', '-1')).toEqual(['e5']);
    expect(await redis.keys('flowlab:revoked:*')).toEqual(['flowlab:revoked:e5']);
    await redis.flushall();
  });

  it('keeps a used assertion id as flowlab:used:<key>, expiring at its exp, through clear', async () => {
    const store = new RedisStateStore(redis);
    const exp = Date.now() + 60_000;
    expect(await store.useOnce('assertion-jti:c:1', exp)).toBe(true);
    expect(await redis.pexpiretime('flowlab:used:assertion-jti:c:1')).toBe(exp);
    await store.clear();
    expect(await store.useOnce('assertion-jti:c:1', exp)).toBe(false);
    await redis.flushall();
  });

  it('fails fast with 503 while Redis is down and resumes when it is back', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = new RedisStateStore(redis);
    await store.revoke('survivor', Date.now() + 60_000, 'abc');
    await server.stop();
    const started = Date.now();
    const failures = await Promise.all([
      store.isRevoked('survivor').catch((e: unknown) => e),
      store.increment('k', 60_000).catch((e: unknown) => e),
      store.revoke('x', Date.now() + 60_000, 'abc').catch((e: unknown) => e),
      store.peek('k').catch((e: unknown) => e),
    ]);
    expect(Date.now() - started).toBeLessThan(2_500);
    for (const f of failures) {
      expect(f).toBeInstanceOf(StateUnavailableError);
      expect(f).toMatchObject({ status: 503, code: 'temporarily_unavailable' });
    }
    await server.start(); // an empty Redis again: it had no persistence
    expect(await whenReady(redis, 5_000)).toBe(true);
    expect(await store.isRevoked('survivor')).toBe(false);
    expect((await store.increment('k', 60_000)).count).toBe(1);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('is unreachable'));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('is reachable again'));
    error.mockRestore();
  });
});
