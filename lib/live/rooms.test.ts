import { describe, expect, it } from 'vitest';
import type { PollQuestion } from './polls';
import {
  RoomRegistry,
  isPresenterState,
  type RoomLimits,
  type RoomMessage,
  type RoomResult,
} from './rooms';

const question: PollQuestion = {
  id: 'q-step',
  prompt: 'At which step does the server validate the credentials?',
  options: [
    { id: 'a', text: 'Step 1' },
    { id: 'b', text: 'Step 3' },
  ],
  answer: 'b',
};

function setup(limits: Partial<RoomLimits> = {}) {
  const clock = { t: 1_000_000 };
  const registry = new RoomRegistry({ now: () => clock.t, limits, defer: (flush) => flush() });
  return { clock, registry };
}

function value<T>(result: RoomResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

const start = { scenario: 'valid', step: 0 };

describe('RoomRegistry: lifecycle', () => {
  it('creates a room with a short code and a long secret key', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    expect(room.id).toMatch(/^[2-9a-z]{6}$/);
    expect(room.key.length).toBeGreaterThanOrEqual(40);
    expect(room.snapshot).toMatchObject({
      lesson: 'client-credentials',
      scenario: 'valid',
      step: 0,
      followers: 0,
      poll: null,
    });
    expect(registry.size).toBe(1);
  });

  it('lets only the key holder change the state, and tells listeners', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    expect(registry.update(room.id, 'wrong', { scenario: 'wrong-secret', step: 2 })).toEqual({
      ok: false,
      error: 'forbidden',
    });
    expect(registry.update(room.id, null, { scenario: 'wrong-secret', step: 2 })).toEqual({
      ok: false,
      error: 'forbidden',
    });
    const snap = value(registry.update(room.id, room.key, { scenario: 'wrong-secret', step: 2 }));
    expect(snap).toMatchObject({ scenario: 'wrong-secret', step: 2 });
    expect(snap.version).toBeGreaterThan(room.snapshot.version);
    expect(heard).toEqual([{ type: 'state', snapshot: snap }]);
  });

  it('rejects malformed states', () => {
    const { registry } = setup();
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
      expect(registry.update(room.id, room.key, bad)).toEqual({
        ok: false,
        error: 'invalid_state',
      });
    }
    expect(isPresenterState({ scenario: 'expired-token', step: 6 })).toBe(true);
  });

  it('closes on the presenter’s request and tells every listener', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    expect(registry.close(room.id, 'nope')).toEqual({ ok: false, error: 'forbidden' });
    value(registry.close(room.id, room.key));
    expect(heard).toEqual([{ type: 'closed', reason: 'closed' }]);
    expect(registry.snapshot(room.id)).toEqual({ ok: false, error: 'not_found' });
    expect(registry.join(room.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('expires after the idle time without presenter activity (injected clock)', () => {
    const { clock, registry } = setup({ idleMs: 60_000 });
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    clock.t += 50_000;
    value(registry.update(room.id, room.key, { scenario: 'valid', step: 1 })); // activity
    clock.t += 50_000;
    expect(registry.snapshot(room.id).ok).toBe(true); // 50 s since the last activity
    clock.t += 10_001;
    expect(registry.sweep()).toBe(1);
    expect(heard.at(-1)).toEqual({ type: 'closed', reason: 'expired' });
    expect(registry.snapshot(room.id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('does not count follower traffic as presenter activity', () => {
    const { clock, registry } = setup({ idleMs: 60_000 });
    const room = value(registry.create('client-credentials', start));
    const f = value(registry.join(room.id));
    clock.t += 59_000;
    value(registry.subscribe(room.id, () => undefined, f.followerId));
    clock.t += 2_000;
    expect(registry.snapshot(room.id)).toEqual({ ok: false, error: 'not_found' });
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
    const a = value(registry.join(room.id));
    const b = value(registry.join(room.id));
    expect(value(registry.snapshot(room.id)).followers).toBe(0);
    const stopA1 = value(registry.subscribe(room.id, () => undefined, a.followerId));
    const stopA2 = value(registry.subscribe(room.id, () => undefined, a.followerId)); // second tab
    const stopB = value(registry.subscribe(room.id, () => undefined, b.followerId));
    expect(value(registry.snapshot(room.id)).followers).toBe(2);
    stopA1();
    stopA1(); // idempotent
    expect(value(registry.snapshot(room.id)).followers).toBe(2);
    stopA2();
    stopB();
    expect(value(registry.snapshot(room.id)).followers).toBe(0);
  });

  it('lets a follower leave follow mode and re-join with the same id', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    const f = value(registry.join(room.id));
    const stop = value(registry.subscribe(room.id, () => undefined, f.followerId));
    stop();
    expect(value(registry.snapshot(room.id)).followers).toBe(0);
    value(registry.subscribe(room.id, () => undefined, f.followerId));
    expect(value(registry.snapshot(room.id)).followers).toBe(1);
  });

  it('refuses unknown followers', () => {
    const { registry } = setup();
    const room = value(registry.create('client-credentials', start));
    expect(registry.subscribe(room.id, () => undefined, 'made-up')).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
  });

  it('caps followers per room and frees slots of followers long gone', () => {
    const { clock, registry } = setup({ maxFollowersPerRoom: 2, followerIdleMs: 1000 });
    const room = value(registry.create('client-credentials', start));
    const a = value(registry.join(room.id));
    value(registry.join(room.id));
    expect(registry.join(room.id)).toEqual({ ok: false, error: 'room_full' });
    value(registry.subscribe(room.id, () => undefined, a.followerId)); // a stays connected
    clock.t += 1001;
    expect(registry.join(room.id).ok).toBe(true); // the idle one was forgotten
    expect(registry.join(room.id)).toEqual({ ok: false, error: 'room_full' });
  });

  it('caps listeners per room', () => {
    const { registry } = setup({ maxFollowersPerRoom: 1 });
    const room = value(registry.create('client-credentials', start));
    value(registry.subscribe(room.id, () => undefined));
    value(registry.subscribe(room.id, () => undefined));
    expect(registry.subscribe(room.id, () => undefined)).toEqual({ ok: false, error: 'room_full' });
  });

  it('frees a slot at once when a follower leaves', () => {
    const { registry } = setup({ maxFollowersPerRoom: 1 });
    const room = value(registry.create('client-credentials', start));
    const f = value(registry.join(room.id));
    expect(registry.leave(room.id, f.followerId, 'wrong-key')).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
    value(registry.leave(room.id, f.followerId, f.followerKey));
    expect(registry.join(room.id).ok).toBe(true);
  });
});

describe('RoomRegistry: polls', () => {
  function withPoll() {
    const ctx = setup();
    const room = value(ctx.registry.create('client-credentials', start));
    const poll = value(ctx.registry.openPoll(room.id, room.key, question)).poll;
    if (!poll) throw new Error('no poll');
    return { ...ctx, room, pollId: poll.id };
  }

  it('only the presenter opens, reveals and closes polls', () => {
    const { registry, room } = withPoll();
    expect(registry.openPoll(room.id, 'x', question)).toEqual({ ok: false, error: 'forbidden' });
    expect(registry.revealPoll(room.id, 'x')).toEqual({ ok: false, error: 'forbidden' });
    expect(registry.closePoll(room.id, 'x')).toEqual({ ok: false, error: 'forbidden' });
  });

  it('takes one vote per follower, changeable until the reveal, then shows counts and the answer', () => {
    const { registry, room, pollId } = withPoll();
    const a = value(registry.join(room.id));
    const b = value(registry.join(room.id));
    value(registry.vote(room.id, a.followerId, a.followerKey, pollId, 'a'));
    value(registry.vote(room.id, a.followerId, a.followerKey, pollId, 'b')); // changed mind
    value(registry.vote(room.id, b.followerId, b.followerKey, pollId, 'b'));
    const before = value(registry.snapshot(room.id)).poll;
    expect(before).toMatchObject({ status: 'open', votes: 2 });
    expect(before?.tally).toBeUndefined();
    expect(before?.correct).toBeUndefined();
    const after = value(registry.revealPoll(room.id, room.key)).poll;
    expect(after).toMatchObject({ status: 'revealed', votes: 2, tally: [0, 2], correct: 'b' });
    expect(registry.vote(room.id, a.followerId, a.followerKey, pollId, 'a')).toEqual({
      ok: false,
      error: 'poll_revealed',
    });
  });

  it('refuses votes without the follower key, for unknown options, stale polls, or no poll', () => {
    const { registry, room, pollId } = withPoll();
    const a = value(registry.join(room.id));
    expect(registry.vote(room.id, a.followerId, 'forged', pollId, 'a')).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
    expect(registry.vote(room.id, 'nobody', 'k', pollId, 'a')).toEqual({
      ok: false,
      error: 'unknown_follower',
    });
    expect(registry.vote(room.id, a.followerId, a.followerKey, pollId, 'z')).toEqual({
      ok: false,
      error: 'unknown_option',
    });
    expect(registry.vote(room.id, a.followerId, a.followerKey, 'old-poll', 'a')).toEqual({
      ok: false,
      error: 'stale_poll',
    });
    value(registry.closePoll(room.id, room.key));
    expect(registry.vote(room.id, a.followerId, a.followerKey, pollId, 'a')).toEqual({
      ok: false,
      error: 'no_poll',
    });
  });

  it('starts a new poll with fresh votes', () => {
    const { registry, room, pollId } = withPoll();
    const a = value(registry.join(room.id));
    value(registry.vote(room.id, a.followerId, a.followerKey, pollId, 'a'));
    const next = value(registry.openPoll(room.id, room.key, question)).poll;
    expect(next?.id).not.toBe(pollId);
    expect(next?.votes).toBe(0);
  });

  it('drops the vote of a follower who leaves', () => {
    const { registry, room, pollId } = withPoll();
    const a = value(registry.join(room.id));
    value(registry.vote(room.id, a.followerId, a.followerKey, pollId, 'a'));
    value(registry.leave(room.id, a.followerId, a.followerKey));
    expect(value(registry.snapshot(room.id)).poll?.votes).toBe(0);
  });

  it('coalesces presence broadcasts through the injected scheduler', () => {
    const queued: (() => void)[] = [];
    const registry = new RoomRegistry({ now: () => 0, defer: (f) => queued.push(f) });
    const room = value(registry.create('client-credentials', start));
    const heard: RoomMessage[] = [];
    value(registry.subscribe(room.id, (m) => heard.push(m)));
    for (let i = 0; i < 5; i += 1) {
      const f = value(registry.join(room.id));
      value(registry.subscribe(room.id, () => undefined, f.followerId));
    }
    expect(queued).toHaveLength(1);
    queued[0]?.();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ type: 'state', snapshot: { followers: 5 } });
  });
});
