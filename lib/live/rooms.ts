/**
 * Follow-me rooms: the registry of open rooms and their lifecycle (create, find, idle expiry,
 * close), the server-wide caps, and the checks that hand out a room: the presenter key for
 * {@link PresenterControls} (the one presenter check), the follower key for a
 * {@link FollowerSeat}. Framework-free and clock-injected, so it is tested without timers.
 */
import {
  cryptoRandomBytes,
  randomCode,
  randomToken,
  timingSafeEqual,
  type RandomBytes,
} from './ids';
import type { JoinedFollower, PresenceLimits } from './presence';
import { Room } from './room';
import type { FollowerSeat, ListenerRole, PresenterControls } from './room-controls';
import type { RoomDump } from './rooms-dump';
import { deferByTimer, type Defer } from './room-channel';
import {
  fail,
  isPresenterState,
  ok,
  type PresenterState,
  type RoomListener,
  type RoomResult,
  type RoomState,
} from './room-state';

/** Every cap and time limit of the rooms (README "Limits"). */
export interface RoomLimits extends PresenceLimits {
  readonly maxRooms: number;
  /** Followers joined across all rooms of this server. */
  readonly maxFollowersTotal: number;
  /** Room streams open across all rooms, the presenters' excepted. */
  readonly maxStreamsTotal: number;
  /**
   * Streams one follower may hold open in its room (a few tabs). The room's own stream cap (two
   * per follower slot) counts followers' streams only, so neither this nor watchers can fill it.
   */
  readonly maxStreamsPerFollower: number;
  /** Streams of a room opened without a seat or the presenter key (someone watching with curl). */
  readonly maxWatchersPerRoom: number;
  /** A room without presenter activity for this long ends. */
  readonly idleMs: number;
}

/** The default limits. */
export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxRooms: 50,
  maxFollowersPerRoom: 300,
  maxFollowersTotal: 2000,
  maxStreamsTotal: 4000,
  maxStreamsPerFollower: 3,
  maxWatchersPerRoom: 20,
  idleMs: 2 * 60 * 60 * 1000,
  followerIdleMs: 5 * 60 * 1000,
  joinGraceMs: 60 * 1000,
  joinBurst: 60,
  joinsPerSecond: 3,
  joinsPerCaller: { count: 30, windowMs: 60_000 },
};

/** What the presenter receives on opening a room. */
export interface CreatedRoom {
  readonly id: string;
  /** The presenter's secret: required for every change. Returned once, never shown again. */
  readonly key: string;
  readonly state: RoomState;
}

/** What a registry needs; every field has a production default. */
export interface RoomRegistryDeps {
  readonly now?: () => number;
  readonly random?: RandomBytes;
  readonly limits?: Partial<RoomLimits>;
  /** Runs a coalesced broadcast later; defaults to a 150 ms timer, tests pass a synchronous one. */
  readonly defer?: Defer;
}

/** Who is subscribing to a room's stream. */
export interface SubscribeAs {
  readonly followerId?: string | undefined;
  /** A presenter key, when the stream carries one: its connections never count against a cap. */
  readonly presenterKey?: string | null | undefined;
}

/** The open rooms of this process. */
export class RoomRegistry {
  readonly limits: RoomLimits;
  private readonly rooms = new Map<string, Room>();
  private readonly now: () => number;
  private readonly random: RandomBytes;
  private readonly defer: Defer;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(deps: RoomRegistryDeps = {}) {
    this.limits = { ...DEFAULT_ROOM_LIMITS, ...deps.limits };
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? cryptoRandomBytes;
    this.defer = deps.defer ?? deferByTimer;
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
    const room = this.add(id, randomToken(32, this.random), lesson, initial);
    return ok({ id, key: room.key, state: room.view() });
  }

  /** Every open room as kept across a restart. */
  dump(): RoomDump[] {
    return [...this.rooms.values()].map((room) => room.dump());
  }

  /** Takes back rooms kept by {@link dump} (those idle for too long end at the next sweep). */
  restore(dumps: readonly RoomDump[]): void {
    for (const d of dumps) {
      if (this.rooms.has(d.id) || !isPresenterState(d)) continue;
      this.add(d.id, d.key, d.lesson, d).restore(d);
    }
  }

  private add(id: string, key: string, lesson: string, initial: PresenterState): Room {
    const room = new Room(id, key, lesson, initial, {
      now: this.now,
      random: this.random,
      defer: this.defer,
      limits: this.limits,
      onEnd: (ended) => {
        if (this.rooms.get(ended.id) === ended) this.rooms.delete(ended.id);
      },
    });
    this.rooms.set(id, room);
    return room;
  }

  /** The public state of a room. */
  state(id: string): RoomResult<RoomState> {
    const room = this.find(id);
    return room ? ok(room.view()) : fail('not_found');
  }

  /**
   * The presenter check, the only one: the room's controls for the holder of its key (which
   * counts as presenter activity).
   */
  presenter(id: string, key: string | null | undefined): RoomResult<PresenterControls> {
    const room = this.find(id);
    if (!room) return fail('not_found');
    if (!isPresenterKey(room, key)) return fail('forbidden');
    room.lastActivity = this.now();
    return ok(room);
  }

  /**
   * A learner joins from `caller` (its address); refused when joining is closed, or by a cap of
   * the room or the server, or by the room's join rate or the caller's share of it.
   */
  join(id: string, caller: string): RoomResult<JoinedFollower> {
    const room = this.find(id);
    if (!room) return fail('not_found');
    let joined = 0;
    for (const r of this.rooms.values()) joined += r.joined;
    if (joined >= this.limits.maxFollowersTotal) return fail('server_full');
    return room.join(caller);
  }

  /** Seconds a refused joiner from `caller` should wait before trying again. */
  joinRetryAfter(id: string, caller: string): number {
    return this.rooms.get(id)?.joinRetryAfter(caller) ?? 0;
  }

  /** A follower's seat, for the holder of its key. */
  follower(id: string, followerId: string, followerKey: string): RoomResult<FollowerSeat> {
    const room = this.find(id);
    return room ? room.seat(followerId, followerKey) : fail('not_found');
  }

  /**
   * Listens to a room. With a follower id, the connection counts as that follower being present
   * until the returned function is called. Caps count every stream but the presenter's.
   */
  subscribe(id: string, listener: RoomListener, as: SubscribeAs = {}): RoomResult<() => void> {
    const room = this.find(id);
    if (!room) return fail('not_found');
    const { followerId } = as;
    if (followerId !== undefined && !room.hasFollower(followerId)) return fail('unknown_follower');
    const role: ListenerRole = { followerId, presenter: isPresenterKey(room, as.presenterKey) };
    if (!role.presenter) {
      if (followerId === undefined) {
        if (room.watchers >= this.limits.maxWatchersPerRoom) return fail('too_many_streams');
      } else {
        if (room.streamsOf(followerId) >= this.limits.maxStreamsPerFollower)
          return fail('too_many_streams');
        if (room.followerListeners >= this.limits.maxFollowersPerRoom * 2) return fail('room_full');
      }
      let open = 0;
      for (const r of this.rooms.values()) open += r.cappedListeners;
      if (open >= this.limits.maxStreamsTotal) return fail('server_full');
    }
    return ok(room.listen(listener, role));
  }

  /** Ends rooms idle for longer than the limit and forgets long-gone followers. */
  sweep(): number {
    const now = this.now();
    this.lastSweep = now;
    let expired = 0;
    for (const room of [...this.rooms.values()]) {
      if (now - room.lastActivity > this.limits.idleMs) {
        room.end('expired');
        expired += 1;
      } else {
        room.prune();
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
      room.end('expired');
      return undefined;
    }
    return room;
  }
}

function isPresenterKey(room: Room, key: string | null | undefined): boolean {
  return typeof key === 'string' && key.length > 0 && timingSafeEqual(room.key, key);
}
