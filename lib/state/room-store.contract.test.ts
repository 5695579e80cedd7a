import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { PollQuestion } from '../live/polls';
import { MemoryRoomStore } from '../live/room-store-memory';
import type { RoomStore } from '../live/room-store';
import { RoomRegistry, type RoomLimits } from '../live/rooms';
import type { RoomMessage, RoomResult } from '../live/room-state';
import { RedisRoomStore } from './redis-room-store';
import { connectRedis, whenReady } from './redis-state-store';
import { redisServerMissing, startRedisServer, type RedisTestServer } from './redis-test-server';

/** The address the joins in these tests come from (a documentation address, RFC 5737). */
const CALLER = '192.0.2.1';

// One RoomStore contract for the in-memory registry and Redis (a real redis-server, two stores
// on their own connections standing for two instances). "a" and "b" are the two instances: the
// memory backend answers the same store for both.

const question: PollQuestion = {
  id: 'q-step',
  prompt: 'At which step does the server validate the credentials?',
  options: [
    { id: 'a', text: 'Step 1' },
    { id: 'b', text: 'Step 3' },
  ],
  answer: 'b',
};
const start = { scenario: 'valid', step: 0 };
const missing = redisServerMissing();
if (missing) console.warn(missing);

/** What a backend builds for one test: two instances on one clock. */
export interface ContractDeps {
  readonly now: () => number;
  readonly limits: Partial<RoomLimits>;
}

type Backend = {
  readonly name: string;
  readonly skip?: string | null;
  create(deps: ContractDeps): Promise<[RoomStore, RoomStore]>;
};

let server: RedisTestServer | undefined;
const connections: Redis[] = [];

afterAll(async () => {
  for (const c of connections) c.disconnect();
  await server?.stop();
});

/** Two stores on their own connections (two instances), on an empty Redis. */
async function redisPair({ now, limits }: ContractDeps): Promise<[RoomStore, RoomStore]> {
  server ??= await startRedisServer();
  const stores: RoomStore[] = [];
  for (let i = 0; i < 2; i++) {
    const redis = connectRedis(server.url);
    const subscriber = connectRedis(server.url, 'subscriber');
    connections.push(redis, subscriber);
    await whenReady(redis);
    stores.push(new RedisRoomStore({ redis, subscriber, now, limits, defer: (f) => f() }));
  }
  await connections.at(-2)!.flushall();
  return stores as [RoomStore, RoomStore];
}

const backends: Backend[] = [
  {
    name: 'memory',
    create: async ({ now, limits }) => {
      const one = new MemoryRoomStore(new RoomRegistry({ now, limits, defer: (f) => f() }));
      return [one, one];
    },
  },
  { name: 'redis (two instances)', skip: missing, create: redisPair },
];

function value<T>(result: RoomResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(`RoomStore contract: ${backend.name}`, () => {
    const clock = { t: 0 };
    const setup = async (limits: Partial<RoomLimits> = {}) => {
      clock.t = Date.now();
      const [a, b] = await backend.create({ now: () => clock.t, limits });
      const room = value(await a.create('client-credentials', start));
      const presenter = async (key: string | null = room.key) =>
        value(await b.presenter(room.id, key));
      /** A follower who joined at b and follows (a live stream) at a. */
      const follow = async () => {
        const joined = value(await b.join(room.id, CALLER));
        const stop = value(
          await a.subscribe(room.id, () => undefined, { followerId: joined.followerId }),
        );
        return { ...joined, stop };
      };
      return { a, b, room, presenter, follow };
    };
    it('opens a room with a short code and a long key; only the key holder changes it, and every instance hears it', async () => {
      const { a, b, room, presenter } = await setup();
      expect(room.id).toMatch(/^[2-9a-z]{6}$/);
      expect(room.key.length).toBeGreaterThanOrEqual(40);
      expect(room.state).toMatchObject({ scenario: 'valid', step: 0, followers: 0, poll: null });
      expect(value(await b.state(room.id))).toEqual(room.state);
      const heard: RoomMessage[] = [];
      value(await a.subscribe(room.id, (m) => heard.push(m)));
      expect(await b.presenter(room.id, 'wrong')).toEqual({ ok: false, error: 'forbidden' });
      expect(await b.presenter(room.id, null)).toEqual({ ok: false, error: 'forbidden' });
      expect(await b.presenter('zzzzzz', room.key)).toEqual({ ok: false, error: 'not_found' });
      const p = await presenter();
      expect(await p.move({ scenario: '<script>', step: 1 })).toEqual({
        ok: false,
        error: 'invalid_state',
      });
      const moved = value(await p.move({ scenario: 'wrong-secret', step: 2 }));
      expect(moved).toMatchObject({ scenario: 'wrong-secret', step: 2 });
      expect(moved.version).toBeGreaterThan(room.state.version);
      await until(() => heard.length > 0);
      expect(heard).toEqual([{ type: 'state', state: moved }]);
      expect(value(await a.state(room.id))).toEqual(moved);
    });

    it('closes on the presenter’s request and tells listeners on every instance', async () => {
      const { a, b, room, presenter } = await setup();
      const heard: RoomMessage[] = [];
      value(await a.subscribe(room.id, (m) => heard.push(m)));
      value(await (await presenter()).close());
      await until(() => heard.length > 0);
      expect(heard).toEqual([{ type: 'closed', reason: 'closed' }]);
      expect(await a.state(room.id)).toEqual({ ok: false, error: 'not_found' });
      expect(await b.join(room.id, CALLER)).toEqual({ ok: false, error: 'not_found' });
    });

    it('expires after the idle time without presenter activity (injected clock)', async () => {
      const { a, b, room, presenter } = await setup({ idleMs: 60_000 });
      const heard: RoomMessage[] = [];
      value(await a.subscribe(room.id, (m) => heard.push(m)));
      clock.t += 50_000;
      value(await (await presenter()).move({ scenario: 'valid', step: 1 }));
      clock.t += 50_000;
      const f = value(await b.join(room.id, CALLER)); // follower traffic is not presenter activity
      value(await a.subscribe(room.id, () => undefined, { followerId: f.followerId }));
      expect((await b.state(room.id)).ok).toBe(true);
      clock.t += 10_001;
      expect(await b.sweep()).toBe(1);
      await until(() => heard.at(-1)?.type === 'closed');
      expect(heard.at(-1)).toEqual({ type: 'closed', reason: 'expired' });
      expect(await a.state(room.id)).toEqual({ ok: false, error: 'not_found' });
    });

    it('caps the rooms across instances', async () => {
      const { a, b } = await setup({ maxRooms: 2 });
      value(await b.create('client-credentials', start));
      expect(await a.create('client-credentials', start)).toEqual({
        ok: false,
        error: 'too_many_rooms',
      });
      expect(await a.count()).toBe(2);
      expect(await b.count()).toBe(2);
    });

    it('counts followers present on any instance, once each, and their leaving', async () => {
      const { a, b, room } = await setup();
      const x = value(await a.join(room.id, CALLER));
      const y = value(await b.join(room.id, CALLER));
      expect(value(await a.state(room.id)).followers).toBe(0);
      const stopX1 = value(
        await a.subscribe(room.id, () => undefined, { followerId: x.followerId }),
      );
      const stopX2 = value(
        await b.subscribe(room.id, () => undefined, { followerId: x.followerId }),
      );
      const stopY = value(
        await b.subscribe(room.id, () => undefined, { followerId: y.followerId }),
      );
      expect(value(await a.state(room.id)).followers).toBe(2);
      const present = async (store: RoomStore) => value(await store.state(room.id)).followers;
      stopX1();
      stopX1(); // idempotent
      await expect.poll(() => present(b)).toBe(2);
      stopX2();
      stopY();
      await expect.poll(() => present(a)).toBe(0);
      expect(await a.subscribe(room.id, () => undefined, { followerId: 'made-up' })).toEqual({
        ok: false,
        error: 'unknown_follower',
      });
    });

    it('caps followers per room and frees the slots of followers long gone or who left', async () => {
      const { a, b, room, follow } = await setup({ maxFollowersPerRoom: 2, followerIdleMs: 1000 });
      await follow(); // stays connected
      const idle = value(await a.join(room.id, CALLER));
      expect(await b.join(room.id, CALLER)).toEqual({ ok: false, error: 'room_full' });
      clock.t += 1001;
      const again = value(await b.join(room.id, CALLER)); // the idle one was forgotten
      expect(await a.join(room.id, CALLER)).toEqual({ ok: false, error: 'room_full' });
      expect(await a.follower(room.id, idle.followerId, idle.followerKey)).toEqual({
        ok: false,
        error: 'unknown_follower',
      });
      expect(await b.follower(room.id, again.followerId, 'wrong-key')).toEqual({
        ok: false,
        error: 'unknown_follower',
      });
      value(
        await (await a.follower(room.id, again.followerId, again.followerKey).then(value)).leave(),
      );
      expect((await b.join(room.id, CALLER)).ok).toBe(true);
    });

    it('caps followers’ streams per room, watchers apart (never the presenter’s), and followers across the server', async () => {
      const { a, b, room } = await setup({
        maxFollowersPerRoom: 1,
        maxFollowersTotal: 2,
        maxWatchersPerRoom: 2,
      });
      const listener = () => () => undefined; // each stream its own
      const asX = { followerId: value(await a.join(room.id, CALLER)).followerId };
      value(await a.subscribe(room.id, listener(), asX));
      value(await b.subscribe(room.id, listener(), asX));
      expect(await a.subscribe(room.id, listener(), asX)).toEqual({
        ok: false,
        error: 'room_full',
      });
      // watchers (no seat) have a share of their own: they cannot use up the followers' streams
      value(await a.subscribe(room.id, listener()));
      value(await b.subscribe(room.id, listener()));
      expect(await a.subscribe(room.id, listener())).toEqual({
        ok: false,
        error: 'too_many_streams',
      });
      value(await b.subscribe(room.id, listener(), { presenterKey: room.key }));
      expect(await b.subscribe(room.id, listener(), { presenterKey: 'forged' })).toEqual({
        ok: false,
        error: 'too_many_streams',
      });
      const other = value(await b.create('client-credentials', start));
      value(await b.join(other.id, CALLER));
      expect(await a.join(other.id, CALLER)).toEqual({ ok: false, error: 'server_full' });
    });

    it('lets no one follower, nor watchers with curl, crowd the others out of the room', async () => {
      const { a, b, room } = await setup({ maxStreamsPerFollower: 2, maxWatchersPerRoom: 3 });
      const listener = () => () => undefined; // each stream its own
      for (let i = 0; i < 3; i++) value(await (i % 2 ? a : b).subscribe(room.id, listener()));
      expect(await a.subscribe(room.id, listener())).toEqual({
        ok: false,
        error: 'too_many_streams',
      });
      const asX = { followerId: value(await a.join(room.id, CALLER)).followerId };
      value(await a.subscribe(room.id, listener(), asX));
      const close = value(await b.subscribe(room.id, listener(), asX));
      expect(await b.subscribe(room.id, listener(), asX)).toEqual({
        ok: false,
        error: 'too_many_streams',
      });
      const asY = { followerId: value(await b.join(room.id, CALLER)).followerId };
      value(await a.subscribe(room.id, listener(), asY));
      close(); // a closed tab frees its stream (in Redis, once its lease is removed)
      await expect.poll(async () => (await a.subscribe(room.id, listener(), asX)).ok).toBe(true);
    });

    it('runs a poll: votes at either instance while following, one per follower, revealed with the tally', async () => {
      const { a, b, room, presenter, follow } = await setup();
      const p = await presenter();
      const poll = value(await p.openPoll(question)).poll!;
      const x = await follow();
      const y = await follow();
      const joinedOnly = value(await a.join(room.id, CALLER));
      const seat = async (store: RoomStore, f: { followerId: string; followerKey: string }) =>
        value(await store.follower(room.id, f.followerId, f.followerKey));
      expect(await (await seat(a, joinedOnly)).vote(poll.id, 'a')).toEqual({
        ok: false,
        error: 'not_following',
      });
      value(await (await seat(a, x)).vote(poll.id, 'a'));
      value(await (await seat(b, x)).vote(poll.id, 'b')); // changed mind, at the other instance
      value(await (await seat(b, y)).vote(poll.id, 'b'));
      expect(await (await seat(a, y)).vote(poll.id, 'z')).toEqual({
        ok: false,
        error: 'unknown_option',
      });
      expect(await (await seat(a, y)).vote('old-poll', 'a')).toEqual({
        ok: false,
        error: 'stale_poll',
      });
      const before = value(await a.state(room.id)).poll;
      expect(before).toMatchObject({ status: 'open', votes: 2 });
      expect(before?.tally).toBeUndefined();
      expect(before?.correct).toBeUndefined();
      const after = value(await p.revealPoll()).poll;
      expect(after).toMatchObject({ status: 'revealed', votes: 2, tally: [0, 2], correct: 'b' });
      expect(await (await seat(a, x)).vote(poll.id, 'a')).toEqual({
        ok: false,
        error: 'poll_revealed',
      });
      const next = value(await p.openPoll(question)).poll;
      expect(next?.id).not.toBe(poll.id);
      expect(next?.votes).toBe(0);
      value(await (await seat(a, x)).vote(next!.id, 'a'));
      value(await (await seat(b, x)).leave());
      expect(value(await a.state(room.id)).poll?.votes).toBe(0); // the leaver's vote went too
      value(await p.closePoll());
      expect(await p.closePoll()).toEqual({ ok: false, error: 'no_poll' });
      expect(await p.revealPoll()).toEqual({ ok: false, error: 'no_poll' });
      expect(await (await seat(a, y)).vote(next!.id, 'a')).toEqual({ ok: false, error: 'no_poll' });
    });

    it('lets the presenter close and reopen joining, and limits the join rate', async () => {
      const { a, b, room, presenter } = await setup({ joinBurst: 2, joinsPerSecond: 1 });
      const p = await presenter();
      expect(value(await p.setJoining(false)).joining).toBe(false);
      expect(await a.join(room.id, CALLER)).toEqual({ ok: false, error: 'joining_closed' });
      value(await p.setJoining(true));
      value(await a.join(room.id, CALLER));
      value(await b.join(room.id, CALLER));
      expect(await a.join(room.id, CALLER)).toEqual({ ok: false, error: 'too_many_joins' });
      expect(await b.joinRetryAfter(room.id, CALLER)).toBe(1);
      clock.t += 1000;
      expect((await b.join(room.id, CALLER)).ok).toBe(true);
      expect((await a.join(room.id, CALLER)).ok).toBe(false);
    });

    it('gives each caller a share of the seats, refused before the room’s join rate', async () => {
      const { a, b, room, presenter } = await setup({
        joinBurst: 10,
        joinsPerSecond: 1,
        joinsPerCaller: { count: 2, windowMs: 60_000 },
      });
      const p = await presenter();
      value(await p.setJoining(false));
      expect(await a.join(room.id, CALLER)).toEqual({ ok: false, error: 'joining_closed' });
      value(await p.setJoining(true));
      value(await a.join(room.id, CALLER)); // the refused join above took nothing
      value(await b.join(room.id, CALLER));
      expect(await a.join(room.id, CALLER)).toEqual({ ok: false, error: 'too_many_joins' });
      expect(await b.joinRetryAfter(room.id, CALLER)).toBe(60);
      // nor did that refusal take a join from the class: the room's other 8 go to other callers
      for (let i = 0; i < 8; i++) value(await (i % 2 ? a : b).join(room.id, `198.51.100.${i}`));
      expect(await a.join(room.id, '198.51.100.9')).toEqual({ ok: false, error: 'too_many_joins' });
      expect(await b.joinRetryAfter(room.id, '198.51.100.9')).toBe(1);
      clock.t += 30_000;
      expect(await b.joinRetryAfter(room.id, CALLER)).toBe(30);
      clock.t += 30_000;
      expect(await b.joinRetryAfter(room.id, CALLER)).toBe(0);
      value(await b.join(room.id, CALLER)); // a new window
    });
  });
}
