/**
 * Follow-me rooms: a presenter's step and scenario, mirrored live to followers, plus one poll at
 * a time. Framework-free and clock-injected, so the lifecycle (create, follow, idle expiry,
 * close, caps, votes) is tested without timers.
 *
 * Everything is bounded: rooms, followers per room, listeners per room, and votes (one per
 * follower per poll). Only the holder of the room key returned at creation may change the room.
 */
import {
  cryptoRandomBytes,
  randomCode,
  randomToken,
  timingSafeEqual,
  type RandomBytes,
} from './ids';
import {
  castVote,
  dropVote,
  openPoll,
  pollView,
  revealPoll,
  type Poll,
  type PollQuestion,
  type PollView,
  type VoteError,
} from './polls';

export interface RoomLimits {
  readonly maxRooms: number;
  readonly maxFollowersPerRoom: number;
  /** A room without presenter activity for this long ends. */
  readonly idleMs: number;
  /** A follower with no open connection for this long is forgotten (its slot is freed). */
  readonly followerIdleMs: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxRooms: 50,
  maxFollowersPerRoom: 300,
  idleMs: 2 * 60 * 60 * 1000,
  followerIdleMs: 5 * 60 * 1000,
};

/** The part of the presenter's view that followers mirror. */
export interface PresenterState {
  /** A scenario id of the step engine (`valid`, `wrong-secret`, ...). */
  readonly scenario: string;
  /** The step cursor (0-based index into the scenario's trace). */
  readonly step: number;
}

export interface RoomSnapshot {
  readonly id: string;
  readonly lesson: string;
  readonly scenario: string;
  readonly step: number;
  /** Followers with a live connection right now. */
  readonly followers: number;
  readonly poll: PollView | null;
  /** Increases with every change, so a view can drop a stale snapshot. */
  readonly version: number;
}

export type RoomError =
  | 'not_found'
  | 'forbidden'
  | 'too_many_rooms'
  | 'room_full'
  | 'invalid_state'
  | 'unknown_follower'
  | 'no_poll'
  | VoteError;

export type RoomResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RoomError };

export type RoomMessage =
  | { readonly type: 'state'; readonly snapshot: RoomSnapshot }
  | { readonly type: 'closed'; readonly reason: 'closed' | 'expired' };

export type RoomListener = (message: RoomMessage) => void;

export interface CreatedRoom {
  readonly id: string;
  /** The presenter's secret: required for every change. Returned once, never shown again. */
  readonly key: string;
  readonly snapshot: RoomSnapshot;
}

export interface JoinedFollower {
  readonly followerId: string;
  /** The follower's secret: required to vote. */
  readonly followerKey: string;
}

export interface RoomRegistryDeps {
  readonly now?: () => number;
  readonly random?: RandomBytes;
  readonly limits?: Partial<RoomLimits>;
  /**
   * Runs a coalesced broadcast later (presence and vote counts change in bursts). Defaults to a
   * 150 ms timer; tests pass a synchronous one.
   */
  readonly defer?: (flush: () => void) => void;
}

interface Follower {
  readonly key: string;
  connections: number;
  lastSeen: number;
}

interface Room {
  readonly id: string;
  readonly key: string;
  readonly lesson: string;
  state: PresenterState;
  lastActivity: number;
  version: number;
  readonly followers: Map<string, Follower>;
  poll: Poll | null;
  pollCounter: number;
  readonly listeners: Set<RoomListener>;
  flushPending: boolean;
}

const SCENARIO_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_STEP = 999;

/** Whether a presenter state is well formed (the engine decides whether the scenario exists). */
export function isPresenterState(value: unknown): value is PresenterState {
  if (typeof value !== 'object' || value === null) return false;
  const { scenario, step } = value as Record<string, unknown>;
  return (
    typeof scenario === 'string' &&
    SCENARIO_PATTERN.test(scenario) &&
    typeof step === 'number' &&
    Number.isInteger(step) &&
    step >= 0 &&
    step <= MAX_STEP
  );
}

const ok = <T>(value: T): RoomResult<T> => ({ ok: true, value });
const fail = <T>(error: RoomError): RoomResult<T> => ({ ok: false, error });

export class RoomRegistry {
  readonly limits: RoomLimits;
  private readonly rooms = new Map<string, Room>();
  private readonly now: () => number;
  private readonly random: RandomBytes;
  private readonly defer: (flush: () => void) => void;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(deps: RoomRegistryDeps = {}) {
    this.limits = { ...DEFAULT_ROOM_LIMITS, ...deps.limits };
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? cryptoRandomBytes;
    this.defer =
      deps.defer ??
      ((flush) => {
        const t = setTimeout(flush, 150);
        (t as { unref?: () => void }).unref?.();
      });
  }

  /** Number of open rooms. */
  get size(): number {
    this.maybeSweep();
    return this.rooms.size;
  }

  /** Opens a room for a lesson; the caller keeps the returned key. */
  create(lesson: string, initial: PresenterState): RoomResult<CreatedRoom> {
    this.sweep();
    if (!isPresenterState(initial)) return fail('invalid_state');
    if (this.rooms.size >= this.limits.maxRooms) return fail('too_many_rooms');
    let id = randomCode(6, this.random);
    while (this.rooms.has(id)) id = randomCode(6, this.random);
    const room: Room = {
      id,
      key: randomToken(32, this.random),
      lesson,
      state: { scenario: initial.scenario, step: initial.step },
      lastActivity: this.now(),
      version: 1,
      followers: new Map(),
      poll: null,
      pollCounter: 0,
      listeners: new Set(),
      flushPending: false,
    };
    this.rooms.set(id, room);
    return ok({ id, key: room.key, snapshot: this.toSnapshot(room) });
  }

  /** The public state of a room. */
  snapshot(id: string): RoomResult<RoomSnapshot> {
    const room = this.find(id);
    return room ? ok(this.toSnapshot(room)) : fail('not_found');
  }

  /** Whether `key` is the room's presenter key (and counts as presenter activity when it is). */
  authorize(id: string, key: string | null | undefined): RoomResult<RoomSnapshot> {
    const room = this.presenterRoom(id, key);
    return 'error' in room ? fail(room.error) : ok(this.toSnapshot(room));
  }

  /** The presenter moved: followers follow. */
  update(id: string, key: string | null | undefined, state: unknown): RoomResult<RoomSnapshot> {
    const room = this.presenterRoom(id, key);
    if ('error' in room) return fail(room.error);
    if (!isPresenterState(state)) return fail('invalid_state');
    if (state.scenario !== room.state.scenario || state.step !== room.state.step) {
      room.state = { scenario: state.scenario, step: state.step };
      this.changed(room);
    }
    return ok(this.toSnapshot(room));
  }

  /** The presenter ends the room: every listener hears `closed`. */
  close(id: string, key: string | null | undefined): RoomResult<true> {
    const room = this.presenterRoom(id, key);
    if ('error' in room) return fail(room.error);
    this.end(room, 'closed');
    return ok(true);
  }

  /** A learner joins; refused when the room is full. */
  join(id: string): RoomResult<JoinedFollower> {
    const room = this.find(id);
    if (!room) return fail('not_found');
    this.pruneFollowers(room);
    if (room.followers.size >= this.limits.maxFollowersPerRoom) return fail('room_full');
    let followerId = randomToken(12, this.random);
    while (room.followers.has(followerId)) followerId = randomToken(12, this.random);
    const followerKey = randomToken(24, this.random);
    room.followers.set(followerId, { key: followerKey, connections: 0, lastSeen: this.now() });
    return ok({ followerId, followerKey });
  }

  /** A follower leaves for good: its slot and its open vote are freed at once. */
  leave(id: string, followerId: string, followerKey: string): RoomResult<true> {
    const room = this.find(id);
    if (!room) return fail('not_found');
    const follower = room.followers.get(followerId);
    if (!follower || !timingSafeEqual(follower.key, followerKey)) return fail('unknown_follower');
    const wasConnected = follower.connections > 0;
    room.followers.delete(followerId);
    const hadVote = room.poll?.votes.has(followerId) ?? false;
    if (room.poll) room.poll = dropVote(room.poll, followerId);
    if (wasConnected || hadVote) this.changedLater(room);
    return ok(true);
  }

  /**
   * Listens to a room. With a follower id, the connection counts as that follower being present
   * until the returned function is called.
   */
  subscribe(id: string, listener: RoomListener, followerId?: string): RoomResult<() => void> {
    const room = this.find(id);
    if (!room) return fail('not_found');
    let follower: Follower | undefined;
    if (followerId !== undefined) {
      follower = room.followers.get(followerId);
      if (!follower) return fail('unknown_follower');
    }
    if (room.listeners.size >= this.limits.maxFollowersPerRoom * 2) return fail('room_full');
    room.listeners.add(listener);
    if (follower) {
      follower.connections += 1;
      follower.lastSeen = this.now();
      if (follower.connections === 1) this.changedLater(room);
    }
    let active = true;
    return ok(() => {
      if (!active) return;
      active = false;
      room.listeners.delete(listener);
      if (follower) {
        follower.connections = Math.max(0, follower.connections - 1);
        follower.lastSeen = this.now();
        if (follower.connections === 0 && this.rooms.get(room.id) === room) this.changedLater(room);
      }
    });
  }

  /** Opens a poll on a question (replacing any current poll). */
  openPoll(
    id: string,
    key: string | null | undefined,
    question: PollQuestion,
  ): RoomResult<RoomSnapshot> {
    const room = this.presenterRoom(id, key);
    if ('error' in room) return fail(room.error);
    room.pollCounter += 1;
    room.poll = openPoll(`${room.id}-${room.pollCounter}`, question, this.now());
    this.changed(room);
    return ok(this.toSnapshot(room));
  }

  /** Reveals the current poll's counts and correct answer. */
  revealPoll(id: string, key: string | null | undefined): RoomResult<RoomSnapshot> {
    const room = this.presenterRoom(id, key);
    if ('error' in room) return fail(room.error);
    if (!room.poll) return fail('no_poll');
    room.poll = revealPoll(room.poll);
    this.changed(room);
    return ok(this.toSnapshot(room));
  }

  /** Takes the poll down. */
  closePoll(id: string, key: string | null | undefined): RoomResult<RoomSnapshot> {
    const room = this.presenterRoom(id, key);
    if ('error' in room) return fail(room.error);
    if (!room.poll) return fail('no_poll');
    room.poll = null;
    this.changed(room);
    return ok(this.toSnapshot(room));
  }

  /** A follower votes (or changes their vote) on the current poll. */
  vote(
    id: string,
    followerId: string,
    followerKey: string,
    pollId: string,
    optionId: string,
  ): RoomResult<true> {
    const room = this.find(id);
    if (!room) return fail('not_found');
    const follower = room.followers.get(followerId);
    if (!follower || !timingSafeEqual(follower.key, followerKey)) return fail('unknown_follower');
    if (!room.poll) return fail('no_poll');
    const result = castVote(room.poll, pollId, followerId, optionId);
    if (!result.ok) return fail(result.error);
    const before = room.poll.votes.size;
    room.poll = result.poll;
    follower.lastSeen = this.now();
    if (room.poll.votes.size !== before) this.changedLater(room);
    return ok(true);
  }

  /** Ends rooms idle for longer than the limit and forgets long-gone followers. */
  sweep(): number {
    const now = this.now();
    this.lastSweep = now;
    let expired = 0;
    for (const room of [...this.rooms.values()]) {
      if (now - room.lastActivity > this.limits.idleMs) {
        this.end(room, 'expired');
        expired += 1;
      } else {
        this.pruneFollowers(room);
      }
    }
    return expired;
  }

  private maybeSweep(): void {
    if (this.now() - this.lastSweep >= 1000) this.sweep();
  }

  private find(id: string): Room | undefined {
    this.maybeSweep();
    const room = this.rooms.get(id);
    if (room && this.now() - room.lastActivity > this.limits.idleMs) {
      this.end(room, 'expired');
      return undefined;
    }
    return room;
  }

  private presenterRoom(id: string, key: string | null | undefined): Room | { error: RoomError } {
    const room = this.find(id);
    if (!room) return { error: 'not_found' };
    if (!key || !timingSafeEqual(room.key, key)) return { error: 'forbidden' };
    room.lastActivity = this.now();
    return room;
  }

  private pruneFollowers(room: Room): void {
    const now = this.now();
    let changed = false;
    for (const [followerId, follower] of room.followers) {
      if (follower.connections === 0 && now - follower.lastSeen > this.limits.followerIdleMs) {
        room.followers.delete(followerId);
        if (room.poll) {
          const poll = dropVote(room.poll, followerId);
          changed ||= poll !== room.poll;
          room.poll = poll;
        }
      }
    }
    if (changed) this.changedLater(room);
  }

  private end(room: Room, reason: 'closed' | 'expired'): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    this.broadcast(room, { type: 'closed', reason });
    room.listeners.clear();
    room.followers.clear();
    room.poll = null;
  }

  private changed(room: Room): void {
    room.version += 1;
    room.flushPending = false;
    this.broadcast(room, { type: 'state', snapshot: this.toSnapshot(room) });
  }

  /** Coalesces bursts (many followers connecting or voting at once) into one broadcast. */
  private changedLater(room: Room): void {
    if (room.flushPending) return;
    room.flushPending = true;
    this.defer(() => {
      if (!room.flushPending || this.rooms.get(room.id) !== room) return;
      this.changed(room);
    });
  }

  private broadcast(room: Room, message: RoomMessage): void {
    for (const listener of [...room.listeners]) {
      try {
        listener(message);
      } catch {
        // A closed stream must not stop the others.
      }
    }
  }

  private toSnapshot(room: Room): RoomSnapshot {
    let followers = 0;
    for (const f of room.followers.values()) if (f.connections > 0) followers += 1;
    return {
      id: room.id,
      lesson: room.lesson,
      scenario: room.state.scenario,
      step: room.state.step,
      followers,
      poll: room.poll ? pollView(room.poll) : null,
      version: room.version,
    };
  }
}
