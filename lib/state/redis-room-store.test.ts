import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RoomResult } from '../live/room-state';
import { RedisRoomStore } from './redis-room-store';
import { connectRedis, whenReady } from './redis-state-store';
import { redisServerMissing, startRedisServer, type RedisTestServer } from './redis-test-server';

/** The address the joins in these tests come from (a documentation address, RFC 5737). */
const CALLER = '192.0.2.1';

// What only the Redis room store has: leases of open streams, expiring keys, Redis going away.

const missing = redisServerMissing();
if (missing) console.warn(missing);

function value<T>(result: RoomResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

describe.skipIf(!!missing)('RedisRoomStore against a real redis-server', () => {
  let server: RedisTestServer;
  const connections: Redis[] = [];
  const clock = { t: Date.now() };
  const store = (leaseMs = 30_000, queued?: (() => void)[]) => {
    const redis = connectRedis(server.url);
    const subscriber = connectRedis(server.url, 'subscriber');
    connections.push(redis, subscriber);
    return new RedisRoomStore({
      redis,
      subscriber,
      now: () => clock.t,
      leaseMs,
      defer: queued ? (f) => queued.push(f) : (f) => f(),
    });
  };

  beforeAll(async () => {
    server = await startRedisServer();
    const probe = connectRedis(server.url);
    connections.push(probe);
    await whenReady(probe);
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await server?.stop();
  });

  it('stops counting the followers of an instance that stopped refreshing its leases', async () => {
    const crashed = store(1_000);
    const other = store();
    const room = value(await other.create('client-credentials', { scenario: 'valid', step: 0 }));
    const f = value(await crashed.join(room.id, CALLER));
    value(await crashed.subscribe(room.id, () => undefined, { followerId: f.followerId }));
    expect(value(await other.state(room.id)).followers).toBe(1);
    clock.t += 1_001; // no refresh came (the instance is gone): its lease ran out
    expect(value(await other.state(room.id)).followers).toBe(0);
    const seat = value(await other.follower(room.id, f.followerId, f.followerKey));
    const poll = value(await value(await other.presenter(room.id, room.key)).setJoining(true));
    expect(poll.followers).toBe(0);
    expect(await seat.vote('x', 'y')).toEqual({ ok: false, error: 'not_following' });
  });

  it('keeps no key and only hashes of the keys, each room key expiring with the room', async () => {
    const s = store();
    const room = value(await s.create('client-credentials', { scenario: 'valid', step: 0 }));
    const f = value(await s.join(room.id, CALLER));
    const redis = connections[0]!;
    const hash = await redis.hgetall(`flowlab:room:${room.id}`);
    expect(JSON.stringify(hash)).not.toContain(room.key);
    expect(JSON.stringify(await redis.hgetall(`flowlab:room:${room.id}:f`))).not.toContain(
      f.followerKey,
    );
    for (const suffix of ['', ':f']) {
      const ttl = await redis.pttl(`flowlab:room:${room.id}${suffix}`);
      expect(ttl).toBeGreaterThan(2 * 60 * 60 * 1000);
      expect(ttl).toBeLessThanOrEqual(2 * 60 * 60 * 1000 + 60_000);
    }
  });

  it('coalesces presence broadcasts through the injected scheduler, for every instance', async () => {
    const queued: (() => void)[] = [];
    const s = store(30_000, queued);
    const listener = store();
    const room = value(await s.create('client-credentials', { scenario: 'valid', step: 0 }));
    const heard: number[] = [];
    value(
      await listener.subscribe(room.id, (m) => {
        if (m.type === 'state') heard.push(m.state.followers);
      }),
    );
    for (let i = 0; i < 5; i += 1) {
      const f = value(await s.join(room.id, CALLER));
      value(await s.subscribe(room.id, () => undefined, { followerId: f.followerId }));
    }
    expect(queued).toHaveLength(1);
    queued[0]!();
    await vi.waitFor(() => expect(heard).toEqual([5]));
  });

  it('answers temporarily_unavailable while Redis is down, and works again once it is back', async () => {
    const s = store();
    const room = value(await s.create('client-credentials', { scenario: 'valid', step: 0 }));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await server.stop();
    try {
      expect(await s.state(room.id)).toEqual({ ok: false, error: 'temporarily_unavailable' });
      expect(await s.join(room.id, CALLER)).toEqual({
        ok: false,
        error: 'temporarily_unavailable',
      });
      expect(await s.create('client-credentials', { scenario: 'valid', step: 0 })).toEqual({
        ok: false,
        error: 'temporarily_unavailable',
      });
    } finally {
      await server.start();
    }
    await vi.waitFor(
      async () =>
        expect((await s.create('client-credentials', { scenario: 'valid', step: 0 })).ok).toBe(
          true,
        ),
      {
        timeout: 5_000,
        interval: 100,
      },
    );
    spy.mockRestore();
  });
});
