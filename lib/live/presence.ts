/**
 * Who follows a room: the followers who joined (each with a secret key), which of them have a
 * live connection, a join rate per room, and forgetting followers long gone. Framework-free and
 * clock-injected.
 */
import { randomToken, timingSafeEqual, type RandomBytes } from './ids';

/** The limits presence enforces. */
export interface PresenceLimits {
  readonly maxFollowersPerRoom: number;
  /** A follower with no open connection for this long is forgotten (its slot is freed). */
  readonly followerIdleMs: number;
  /** A follower who joined but never connected is forgotten after this long. */
  readonly joinGraceMs: number;
  /** Joins a room accepts at once, and then per second (a token bucket). */
  readonly joinBurst: number;
  readonly joinsPerSecond: number;
  /**
   * Seats one caller (address) may take in one room per window. The room's join rate (a burst,
   * then a few a second) bounds everyone together; without a share per caller, one script could
   * keep that rate used up and the room closed to the class. 30 a minute is less than the room's
   * rate, so others still get in while a script joins, and a class behind one address (a
   * school's NAT) still joins within a minute or two, each follower page retrying after
   * Retry-After. It bounds the rate, not the total: an address cannot be told from a NAT'd class,
   * so a script that keeps joining for ten minutes holds the room's 300 seats; the presenter
   * sees the count and can close joining.
   */
  readonly joinsPerCaller: { readonly count: number; readonly windowMs: number };
}

/** What a learner receives on joining. */
export interface JoinedFollower {
  readonly followerId: string;
  /** The follower's secret: required to vote and to leave. */
  readonly followerKey: string;
}

interface Follower {
  readonly key: string;
  connections: number;
  everConnected: boolean;
  lastSeen: number;
}

/** A follower as kept across a restart: id, key, last seen, whether it ever connected. */
export type FollowerDump = readonly [
  id: string,
  key: string,
  lastSeen: number,
  everConnected: boolean,
];

/** Presence as kept across a restart (connections are not: streams reconnect). */
export interface PresenceDump {
  readonly followers: readonly FollowerDump[];
  readonly tokens: number;
  readonly refilledAt: number;
}

/** Why a join was refused (the registry adds `server_full`). */
export type JoinRefusal = 'room_full' | 'too_many_joins';

/** The followers of one room. */
export class Presence {
  private readonly followers = new Map<string, Follower>();
  /** Seats each caller took in its current window (only callers who were seated). */
  private readonly callerSeats = new Map<string, { count: number; resetAt: number }>();
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly limits: PresenceLimits,
    private readonly now: () => number,
    private readonly random: RandomBytes,
    /** Called when the count of present followers may have changed. */
    private readonly onChange: () => void,
  ) {
    this.tokens = limits.joinBurst;
    this.refilledAt = now();
  }

  /** Followers who joined and are not forgotten. */
  get joined(): number {
    return this.followers.size;
  }

  /** Followers with at least one live connection. */
  get present(): number {
    let n = 0;
    for (const f of this.followers.values()) if (f.connections > 0) n += 1;
    return n;
  }

  /** Seconds until a join by `caller` would pass both rate limits (0 when it would now). */
  retryAfterSeconds(caller: string): number {
    this.refill();
    const room = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.limits.joinsPerSecond);
    return Math.max(room, Math.ceil(this.callerWaitMs(caller) / 1000));
  }

  /**
   * Seats a follower for `caller`, unless the room is full, the caller has taken its share of
   * seats for now, or joins come too fast. Only a seat counts against the caller.
   */
  join(caller: string): JoinedFollower | JoinRefusal {
    if (this.followers.size >= this.limits.maxFollowersPerRoom) return 'room_full';
    // before the room's rate: a refused script must not use up the class's joins
    if (this.callerWaitMs(caller) > 0) return 'too_many_joins';
    this.refill();
    if (this.tokens < 1) return 'too_many_joins';
    this.tokens -= 1;
    this.countSeat(caller);
    let followerId = randomToken(12, this.random);
    while (this.followers.has(followerId)) followerId = randomToken(12, this.random);
    const followerKey = randomToken(24, this.random);
    this.followers.set(followerId, {
      key: followerKey,
      connections: 0,
      everConnected: false,
      lastSeen: this.now(),
    });
    return { followerId, followerKey };
  }

  /** Whether the id and key are a known follower's. */
  verify(followerId: string, followerKey: string): boolean {
    const follower = this.followers.get(followerId);
    return follower !== undefined && timingSafeEqual(follower.key, followerKey);
  }

  /** Whether a known follower has a live connection now. */
  isPresent(followerId: string): boolean {
    return this.connectionsOf(followerId) > 0;
  }

  /** How many live connections a follower has open (0 for an unknown one). */
  connectionsOf(followerId: string): number {
    return this.followers.get(followerId)?.connections ?? 0;
  }

  /** Whether a follower id is known. */
  has(followerId: string): boolean {
    return this.followers.has(followerId);
  }

  /** Counts a follower's connection as presence until the returned function is called. */
  connect(followerId: string): (() => void) | undefined {
    const follower = this.followers.get(followerId);
    if (!follower) return undefined;
    follower.connections += 1;
    follower.everConnected = true;
    follower.lastSeen = this.now();
    if (follower.connections === 1) this.onChange();
    return () => {
      follower.connections = Math.max(0, follower.connections - 1);
      follower.lastSeen = this.now();
      if (follower.connections === 0 && this.followers.get(followerId) === follower)
        this.onChange();
    };
  }

  /** Records activity of a follower (a vote), so it is not forgotten while it takes part. */
  touch(followerId: string): void {
    const follower = this.followers.get(followerId);
    if (follower) follower.lastSeen = this.now();
  }

  /** Removes a follower; whether it had a live connection. */
  remove(followerId: string): boolean {
    const follower = this.followers.get(followerId);
    if (!follower) return false;
    this.followers.delete(followerId);
    return follower.connections > 0;
  }

  /** Forgets followers without a connection for too long; returns their ids. */
  prune(): string[] {
    const now = this.now();
    const gone: string[] = [];
    for (const [id, f] of this.followers) {
      const idleFor = now - f.lastSeen;
      const limit = f.everConnected
        ? this.limits.followerIdleMs
        : Math.min(this.limits.joinGraceMs, this.limits.followerIdleMs);
      if (f.connections === 0 && idleFor > limit) gone.push(id);
    }
    for (const id of gone) this.followers.delete(id);
    for (const [caller, seats] of this.callerSeats)
      if (seats.resetAt <= now) this.callerSeats.delete(caller);
    return gone;
  }

  /** Forgets everyone (the room ended). */
  clear(): void {
    this.followers.clear();
    this.callerSeats.clear();
  }

  /** What survives a restart. */
  dump(): PresenceDump {
    return {
      followers: [...this.followers].map(([id, f]) => [id, f.key, f.lastSeen, f.everConnected]),
      tokens: this.tokens,
      refilledAt: this.refilledAt,
    };
  }

  /** Takes back what {@link dump} kept (every follower disconnected). */
  restore(dump: PresenceDump): void {
    this.followers.clear();
    for (const [id, key, lastSeen, everConnected] of dump.followers)
      this.followers.set(id, { key, connections: 0, everConnected, lastSeen });
    this.tokens = Math.min(this.limits.joinBurst, dump.tokens);
    this.refilledAt = dump.refilledAt;
  }

  /** Milliseconds until `caller` may take another seat (0: now). */
  private callerWaitMs(caller: string): number {
    const seats = this.callerSeats.get(caller);
    const left = seats ? seats.resetAt - this.now() : 0;
    return left > 0 && seats!.count >= this.limits.joinsPerCaller.count ? left : 0;
  }

  private countSeat(caller: string): void {
    const now = this.now();
    const seats = this.callerSeats.get(caller);
    if (seats && seats.resetAt > now) seats.count += 1;
    else
      this.callerSeats.set(caller, {
        count: 1,
        resetAt: now + this.limits.joinsPerCaller.windowMs,
      });
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.refilledAt = now;
    this.tokens = Math.min(
      this.limits.joinBurst,
      this.tokens + elapsed * this.limits.joinsPerSecond,
    );
  }
}
