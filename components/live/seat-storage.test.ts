// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SEAT_MAX_AGE_MS,
  SEAT_MAX_ROOMS,
  forgetSeat,
  keepSeat,
  keepVote,
  keptSeat,
  keptSeats,
  keptVotes,
} from './seat-storage';

const alice = { followerId: 'f-alice', followerKey: 'k-alice' };
const bob = { followerId: 'f-bob', followerKey: 'k-bob' };
const day = 24 * 60 * 60 * 1000;

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('seat storage', () => {
  it('keeps one seat per room for every page of the browser, with the answers it sent', () => {
    keepSeat('room1', { ...alice, extra: 'not kept' } as typeof alice, 1000);
    expect(keptSeat('room1', 2000)).toEqual(alice);
    expect(keptSeat('room2')).toBeNull();
    expect(JSON.parse(localStorage.getItem('flowlab-follow:room1')!)).toEqual({
      ...alice,
      usedAt: 2000,
      votes: {},
    });

    keepVote('room1', alice.followerId, 'room1-1', 'a');
    keepVote('room1', alice.followerId, 'room1-1', 'b'); // changed her mind
    keepVote('room1', alice.followerId, 'room1-2', 'c');
    expect(keptVotes('room1', alice.followerId)).toEqual({ 'room1-1': 'b', 'room1-2': 'c' });
    // another seat's answers are not this one's, and are not written over it
    keepVote('room1', bob.followerId, 'room1-1', 'a');
    expect(keptVotes('room1', bob.followerId)).toEqual({});
    expect(keptVotes('room1', alice.followerId)['room1-1']).toBe('b');
    // a new seat in the room starts with no answers
    keepSeat('room1', bob);
    expect(keptVotes('room1', bob.followerId)).toEqual({});
  });

  it('forgets a seat only while it is still the one kept', () => {
    keepSeat('room1', alice);
    forgetSeat('room1', bob.followerId); // another tab joined again meanwhile: its seat stays
    expect(keptSeat('room1')).toEqual(alice);
    forgetSeat('room1', alice.followerId);
    expect(keptSeat('room1')).toBeNull();
  });

  it('keeps the most recently used rooms and drops seats unused for a week', () => {
    const start = 100 * day;
    keepSeat('old', alice, start - SEAT_MAX_AGE_MS - 1);
    for (let i = 0; i < SEAT_MAX_ROOMS + 5; i++) keepSeat(`r${i}`, alice, start + i);
    expect(keptSeat('r4')).toBeNull(); // the oldest five made way for the newest
    keptSeat('r5', start + 1000); // used again: among the newest now
    keepSeat('new', bob, start + 2000);
    const rooms = keptSeats().map((s) => s.roomId);
    expect(rooms).toHaveLength(SEAT_MAX_ROOMS);
    expect(rooms).toContain('new');
    expect(rooms).toContain('r5');
    expect(rooms).toContain(`r${SEAT_MAX_ROOMS + 4}`);
    expect(rooms).not.toContain('old');
    expect(rooms).not.toContain('r6'); // the least recently used made way for the new one
    expect(keptSeats().find((s) => s.roomId === 'new')).toEqual({ roomId: 'new', ...bob });
  });

  it('bounds the answers kept per seat, dropping the oldest', () => {
    keepSeat('room1', alice);
    for (let i = 0; i < 25; i++) keepVote('room1', alice.followerId, `room1-${i}`, 'a');
    const polls = Object.keys(keptVotes('room1', alice.followerId));
    expect(polls).toHaveLength(20);
    expect(polls).not.toContain('room1-0');
    expect(polls).toContain('room1-24');
  });

  it('reads malformed entries as no seat, and drops them when a seat is kept', () => {
    localStorage.setItem('flowlab-follow:cut', '{"followerId":"f');
    localStorage.setItem('flowlab-follow:wrong', JSON.stringify({ followerId: 1 }));
    localStorage.setItem('flowlab-follow:votes', JSON.stringify({ ...alice, votes: [1, 2] }));
    localStorage.setItem('flowlab-theme', 'dark');
    expect(keptSeat('cut')).toBeNull();
    expect(keptSeat('wrong')).toBeNull();
    expect(keptSeat('votes')).toEqual(alice); // its answers are unreadable, the seat is not
    expect(keptVotes('votes', alice.followerId)).toEqual({});
    expect(keptSeats().map((s) => s.roomId)).toEqual(['votes']);
    keepSeat('room1', bob);
    expect(localStorage.getItem('flowlab-follow:cut')).toBeNull();
    expect(localStorage.getItem('flowlab-follow:wrong')).toBeNull();
    expect(localStorage.getItem('flowlab-theme')).toBe('dark'); // not ours: left alone
  });

  it('never throws when storage is full or disabled', () => {
    keepSeat('room1', alice);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => keepSeat('room2', bob)).not.toThrow();
    expect(keptSeat('room1')).toEqual(alice); // read, though it cannot be marked used
    expect(() => keepVote('room1', alice.followerId, 'p', 'a')).not.toThrow();
    vi.restoreAllMocks();

    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => keepSeat('room3', bob)).not.toThrow();
    expect(keptSeat('room1')).toBeNull();
    expect(keptVotes('room1', alice.followerId)).toEqual({});
    expect(keptSeats()).toEqual([]);
    expect(() => forgetSeat('room1', alice.followerId)).not.toThrow();
  });
});
