import { describe, expect, it } from 'vitest';
import type { PollQuestion } from './polls';
import { RoomRegistry, type RoomLimits } from './rooms';
import { andThen, isPresenterState, type RoomMessage, type RoomResult } from './room-state';

/** The address the joins in these tests come from (a documentation address, RFC 5737). */
const CALLER = '192.0.2.1';

const question: PollQuestion = {
  id: 'q-step',
  prompt: 'At which step does the server validate the credentials?',
  options: [
    { id: 'a', text: 'Step 1' },
    { id: 'b', text: 'Step 3' },
  ],
  answer: 'b',
};

type Key = string | null;

/** The registry's operations chained the way the routes chain them (check, then act). */
function operations(registry: RoomRegistry) {
  const presenter = (id: string, key: Key) => registry.presenter(id, key);
  const seat = (id: string, followerId: string, followerKey: string) =>
    registry.follower(id, followerId, followerKey);
  return {
    update: (id: string, key: Key, state: unknown) =>
      andThen(presenter(id, key), (p) => p.move(state)),
    close: (id: string, key: Key) => andThen(presenter(id, key), (p) => p.close()),
    openPoll: (id: string, key: Key, q: PollQuestion) =>
      andThen(presenter(id, key), (p) => p.openPoll(q)),
    revealPoll: (id: string, key: Key) => andThen(presenter(id, key), (p) => p.revealPoll()),
    closePoll: (id: string, key: Key) => andThen(presenter(id, key), (p) => p.closePoll()),
    setJoining: (id: string, key: Key, open: boolean) =>
      andThen(presenter(id, key), (p) => p.setJoining(open)),
    vote: (id: string, followerId: string, followerKey: string, pollId: string, option: string) =>
      andThen(seat(id, followerId, followerKey), (s) => s.vote(pollId, option)),
    leave: (id: string, followerId: string, followerKey: string) =>
      andThen(seat(id, followerId, followerKey), (s) => s.leave()),
  };
}

function setup(limits: Partial<RoomLimits> = {}) {
  const clock = { t: 1_000_000 };
  const registry = new RoomRegistry({ now: () => clock.t, limits, defer: (flush) => flush() });
  return { clock, registry, rooms: operations(registry) };
}

function value<T>(result: RoomResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

const start = { scenario: 'valid', step: 0 };

/** A room (of one seat) whose follower holds both the streams the room allows it. */
function roomWithFullStreams(registry: RoomRegistry) {
  const room = value(registry.create('client-credentials', start));
  const asX = { followerId: value(registry.join(room.id, CALLER)).followerId };
  value(registry.subscribe(room.id, () => undefined, asX));
  value(registry.subscribe(room.id, () => undefined, asX));
  expect(registry.subscribe(room.id, () => undefined, asX)).toEqual({
    ok: false,
    error: 'room_full',
  });
  return room;
}

/** A follower who joined and is following (has a live connection): only such a follower votes. */
function follow(registry: RoomRegistry, roomId: string) {
  const joined = value(registry.join(roomId, CALLER));
  value(registry.subscribe(roomId, () => undefined, { followerId: joined.followerId }));
  return joined;
}

describe('RoomRegistry: lifecycle', () => {
  it('creates a room with a short code and a long secret key', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    expect(room.id).toMatch(/^[2-9a-z]{6}$/);
    expect(room.key.length).toBeGreaterThanOrEqual(40);
    expect(room.state).toMatchObject({
      lesson: 'client-credentials',
      scenario: 'valid',
      step: 0,
      followers: 0,
      poll: null,
    });
    expect(registry.size).toBe(1);
  });

  it('lets only the key holder change the state, and tells listeners', () => {
    const { registry, rooms } = setup();
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    expect(rooms.update(room.id, 'wrong', { scenario: 'wrong-secret', step: 2 })).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(rooms.update(room.id, null, { scenario: 'wrong-secret', step: 2 })).toEqual({
      ok: false,
      error: 'forbidden',
    });
    const snap = value(rooms.update(room.id, room.key, { scenario: 'wrong-secret', step: 2 }));
    expect(snap).toMatchObject({ scenario: 'wrong-secret', step: 2 });
    expect(snap.version).toBeGreaterThan(room.state.version);
    expect(heard).toEqual([{ type: 'state', state: snap }]);
  });

  it('rejects malformed states', () => {
    const { registry, rooms } = setup();
    const room = value(registry.create('client-credentials', start));
    for (const bad of [
      null,
      {},
      { scenario: 'valid' },
      { scenario: 'valid', step: -1 },
      { scenario: 'valid', step: 1.5 },
      { scenario: '<script>', step: 1 },
      { scenario: 'valid', step: 10_000 },
    ]) {
      expect(rooms.update(room.id, room.key, bad)).toEqual({
        ok: false,
        error: 'invalid_state',
      });
    }
    expect(isPresenterState({ scenario: 'expired-token', step: 6 })).toBe(true);
  });

  it('closes on the presenter’s request and tells every listener', () => {
    const { registry, rooms } = setup();
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    expect(rooms.close(room.id, 'nope')).toEqual({ ok: false, error: 'forbidden' });
    value(rooms.close(room.id, room.key));
    expect(heard).toEqual([{ type: 'closed', reason: 'closed' }]);
    expect(registry.state(room.id)).toEqual({ ok: false, error: 'not_found' });
    expect(registry.join(room.id, CALLER)).toEqual({ ok: false, error: 'not_found' });
  });

  it('expires after the idle time without presenter activity (injected clock)', () => {
    const { clock, registry, rooms } = setup({ idleMs: 60_000 });
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    clock.t += 50_000;
    value(rooms.update(room.id, room.key, { scenario: 'valid', step: 1 })); // activity
    clock.t += 50_000;
    expect(registry.state(room.id).ok).toBe(true); // 50 s since the last activity
    clock.t += 10_001;
    expect(registry.sweep()).toBe(1);
    expect(heard.at(-1)).toEqual({ type: 'closed', reason: 'expired' });
    expect(registry.state(room.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('does not count follower traffic as presenter activity', () => {
    const { clock, registry } = setup({ idleMs: 60_000 });
    const room = value(registry.create('client-credentials', start));
    const f = value(registry.join(room.id, CALLER));
    clock.t += 59_000;
    value(registry.subscribe(room.id, () => undefined, { followerId: f.followerId }));
    clock.t += 2_000;
    expect(registry.state(room.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('caps the number of rooms', () => {
    const { registry } = setup({ maxRooms: 2 });
    value(registry.create('client-credentials', start));
    value(registry.create('client-credentials', start));
    expect(registry.create('client-credentials', start)).toEqual({
      ok: false,
      error: 'too_many_rooms',
    });
  });
});

describe('RoomRegistry: followers', () => {
  it('counts followers with a live connection, once each', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    const a = value(registry.join(room.id, CALLER));
    const b = value(registry.join(room.id, CALLER));
    expect(value(registry.state(room.id)).followers).toBe(0);
    const stopA1 = value(
      registry.subscribe(room.id, () => undefined, { followerId: a.followerId }),
    );
    const stopA2 = value(
      registry.subscribe(room.id, () => undefined, { followerId: a.followerId }),
    ); // second tab
    const stopB = value(registry.subscribe(room.id, () => undefined, { followerId: b.followerId }));
    expect(value(registry.state(room.id)).followers).toBe(2);
    stopA1();
    stopA1(); // idempotent
    expect(value(registry.state(room.id)).followers).toBe(2);
    stopA2();
    stopB();
    expect(value(registry.state(room.id)).followers).toBe(0);
  });

  it('lets a follower leave follow mode and re-join with the same id', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    const f = value(registry.join(room.id, CALLER));
    const stop = value(registry.subscribe(room.id, () => undefined, { followerId: f.followerId }));
    stop();
    expect(value(registry.state(room.id)).followers).toBe(0);
    value(registry.subscribe(room.id, () => undefined, { followerId: f.followerId }));
    expect(value(registry.state(room.id)).followers).toBe(1);
  });

  it('refuses unknown followers', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    expect(registry.subscribe(room.id, () => undefined, { followerId: 'made-up' })).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
  });

  it('caps followers per room and frees slots of followers long gone', () => {
    const { clock, registry } = setup({ maxFollowersPerRoom: 2, followerIdleMs: 1000 });
    const room = value(registry.create('client-credentials', start));
    const a = value(registry.join(room.id, CALLER));
    value(registry.join(room.id, CALLER));
    expect(registry.join(room.id, CALLER)).toEqual({ ok: false, error: 'room_full' });
    value(registry.subscribe(room.id, () => undefined, { followerId: a.followerId })); // a stays connected
    clock.t += 1001;
    expect(registry.join(room.id, CALLER).ok).toBe(true); // the idle one was forgotten
    expect(registry.join(room.id, CALLER)).toEqual({ ok: false, error: 'room_full' });
  });

  it('caps followers’ streams per room, and watchers’ apart', () => {
    const { registry } = setup({ maxFollowersPerRoom: 1, maxWatchersPerRoom: 1 });
    const room = roomWithFullStreams(registry);
    value(registry.subscribe(room.id, () => undefined));
    expect(registry.subscribe(room.id, () => undefined)).toEqual({
      ok: false,
      error: 'too_many_streams',
    });
  });

  it('frees a slot at once when a follower leaves', () => {
    const { registry, rooms } = setup({ maxFollowersPerRoom: 1 });
    const room = value(registry.create('client-credentials', start));
    const f = value(registry.join(room.id, CALLER));
    expect(rooms.leave(room.id, f.followerId, 'wrong-key')).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
    value(rooms.leave(room.id, f.followerId, f.followerKey));
    expect(registry.join(room.id, CALLER).ok).toBe(true);
  });
});

describe('RoomRegistry: polls', () => {
  function withPoll() {
    const ctx = setup();
    const room = value(ctx.registry.create('client-credentials', start));
    const poll = value(ctx.rooms.openPoll(room.id, room.key, question)).poll;
    if (!poll) throw new Error('no poll');
    return { ...ctx, room, pollId: poll.id };
  }

  it('only the presenter opens, reveals and closes polls', () => {
    const { room, rooms } = withPoll();
    expect(rooms.openPoll(room.id, 'x', question)).toEqual({ ok: false, error: 'forbidden' });
    expect(rooms.revealPoll(room.id, 'x')).toEqual({ ok: false, error: 'forbidden' });
    expect(rooms.closePoll(room.id, 'x')).toEqual({ ok: false, error: 'forbidden' });
  });

  it('takes one vote per follower, changeable until the reveal, then shows counts and the answer', () => {
    const { registry, room, pollId, rooms } = withPoll();
    const a = follow(registry, room.id);
    const b = follow(registry, room.id);
    value(rooms.vote(room.id, a.followerId, a.followerKey, pollId, 'a'));
    value(rooms.vote(room.id, a.followerId, a.followerKey, pollId, 'b')); // changed mind
    value(rooms.vote(room.id, b.followerId, b.followerKey, pollId, 'b'));
    const before = value(registry.state(room.id)).poll;
    expect(before).toMatchObject({ status: 'open', votes: 2 });
    expect(before?.tally).toBeUndefined();
    expect(before?.correct).toBeUndefined();
    const after = value(rooms.revealPoll(room.id, room.key)).poll;
    expect(after).toMatchObject({ status: 'revealed', votes: 2, tally: [0, 2], correct: 'b' });
    expect(rooms.vote(room.id, a.followerId, a.followerKey, pollId, 'a')).toEqual({
      ok: false,
      error: 'poll_revealed',
    });
  });

  it('refuses votes without the follower key, for unknown options, stale polls, or no poll', () => {
    const { registry, room, pollId, rooms } = withPoll();
    const a = follow(registry, room.id);
    expect(rooms.vote(room.id, a.followerId, 'forged', pollId, 'a')).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
    expect(rooms.vote(room.id, 'nobody', 'k', pollId, 'a')).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
    expect(rooms.vote(room.id, a.followerId, a.followerKey, pollId, 'z')).toEqual({
      ok: false,
      error: 'unknown_option',
    });
    expect(rooms.vote(room.id, a.followerId, a.followerKey, 'old-poll', 'a')).toEqual({
      ok: false,
      error: 'stale_poll',
    });
    value(rooms.closePoll(room.id, room.key));
    expect(rooms.vote(room.id, a.followerId, a.followerKey, pollId, 'a')).toEqual({
      ok: false,
      error: 'no_poll',
    });
  });

  it('starts a new poll with fresh votes', () => {
    const { registry, room, pollId, rooms } = withPoll();
    const a = follow(registry, room.id);
    value(rooms.vote(room.id, a.followerId, a.followerKey, pollId, 'a'));
    const next = value(rooms.openPoll(room.id, room.key, question)).poll;
    expect(next?.id).not.toBe(pollId);
    expect(next?.votes).toBe(0);
  });

  it('drops the vote of a follower who leaves', () => {
    const { registry, room, pollId, rooms } = withPoll();
    const a = follow(registry, room.id);
    value(rooms.vote(room.id, a.followerId, a.followerKey, pollId, 'a'));
    value(rooms.leave(room.id, a.followerId, a.followerKey));
    expect(value(registry.state(room.id)).poll?.votes).toBe(0);
  });

  it('coalesces presence broadcasts through the injected scheduler', () => {
    const queued: (() => void)[] = [];
    const registry = new RoomRegistry({ now: () => 0, defer: (f) => queued.push(f) });
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    for (let i = 0; i < 5; i += 1) {
      const f = follow(registry, room.id);
      value(registry.subscribe(room.id, () => undefined, { followerId: f.followerId }));
    }
    expect(queued).toHaveLength(1);
    queued[0]?.();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ type: 'state', state: { followers: 5 } });
  });
});

describe('RoomRegistry: classroom limits', () => {
  it('counts a vote only from a follower who is following', () => {
    const { registry, rooms } = setup();
    const room = value(registry.create('client-credentials', start));
    const poll = value(rooms.openPoll(room.id, room.key, question)).poll;
    const joinedOnly = value(registry.join(room.id, CALLER));
    expect(
      rooms.vote(room.id, joinedOnly.followerId, joinedOnly.followerKey, poll!.id, 'a'),
    ).toEqual({ ok: false, error: 'not_following' });
    expect(value(registry.state(room.id)).poll?.votes).toBe(0);
  });

  it('lets the presenter close and reopen joining', () => {
    const { registry, rooms } = setup();
    const room = value(registry.create('client-credentials', start));
    expect(rooms.setJoining(room.id, 'x', false)).toEqual({ ok: false, error: 'forbidden' });
    expect(value(rooms.setJoining(room.id, room.key, false)).joining).toBe(false);
    expect(registry.join(room.id, CALLER)).toEqual({ ok: false, error: 'joining_closed' });
    value(rooms.setJoining(room.id, room.key, true));
    expect(registry.join(room.id, CALLER).ok).toBe(true);
  });

  it('limits the join rate of a room (a burst, then a steady rate) and says when to retry', () => {
    const { clock, registry } = setup({ joinBurst: 3, joinsPerSecond: 1 });
    const room = value(registry.create('client-credentials', start));
    for (let i = 0; i < 3; i += 1) value(registry.join(room.id, CALLER));
    expect(registry.join(room.id, CALLER)).toEqual({ ok: false, error: 'too_many_joins' });
    expect(registry.joinRetryAfter(room.id, CALLER)).toBe(1);
    clock.t += 1000;
    expect(registry.join(room.id, CALLER).ok).toBe(true);
    expect(registry.join(room.id, CALLER).ok).toBe(false);
  });

  it('forgets a follower who joined but never connected after the grace time', () => {
    const { clock, registry } = setup({ maxFollowersPerRoom: 1, joinGraceMs: 10_000 });
    const room = value(registry.create('client-credentials', start));
    value(registry.join(room.id, CALLER));
    expect(registry.join(room.id, CALLER)).toEqual({ ok: false, error: 'room_full' });
    clock.t += 10_001;
    expect(registry.join(room.id, CALLER).ok).toBe(true);
  });

  it('caps followers and streams across the server', () => {
    const { registry } = setup({ maxFollowersTotal: 2, maxStreamsTotal: 2 });
    const a = value(registry.create('client-credentials', start));
    const b = value(registry.create('client-credentials', start));
    value(registry.join(a.id, CALLER));
    value(registry.join(b.id, CALLER));
    expect(registry.join(b.id, CALLER)).toEqual({ ok: false, error: 'server_full' });
    value(registry.subscribe(a.id, () => undefined));
    value(registry.subscribe(b.id, () => undefined));
    expect(registry.subscribe(b.id, () => undefined)).toEqual({ ok: false, error: 'server_full' });
  });

  it('never counts the presenter’s own streams against a cap', () => {
    const { registry } = setup({ maxFollowersPerRoom: 1, maxStreamsTotal: 2 });
    const room = roomWithFullStreams(registry);
    const asPresenter = { presenterKey: room.key };
    value(registry.subscribe(room.id, () => undefined, asPresenter));
    value(registry.subscribe(room.id, () => undefined, asPresenter));
    expect(registry.subscribe(room.id, () => undefined, { presenterKey: 'forged' })).toEqual({
      ok: false,
      error: 'server_full',
    });
  });
});
