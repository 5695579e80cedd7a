/**
 * The one interface of the follow-me rooms' shared state: each room's presenter key, state,
 * follower seats and presence, its poll and votes, and the fan-out of its events to listeners.
 * The in-memory implementation is `MemoryRoomStore` (one process, optionally written to the data
 * folder); the Redis one (`lib/state/redis-room-store.ts`) makes N instances behave as one. Both
 * pass `lib/state/room-store.contract.test.ts`. Framework-free.
 */
import type { JoinedFollower } from './presence';
import type { FollowerSeat, PresenterControls } from './room-controls';
import type { CreatedRoom, RoomLimits, SubscribeAs } from './rooms';
import type { PresenterState, RoomListener, RoomResult, RoomState } from './room-state';

/** The same methods, each answering a promise (a shared store is reached over the network). */
export type Async<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<R>
    : T[K];
};

/** What only the presenter may do to a room, through a store. */
export type PresenterActions = Async<PresenterControls>;

/** What a follower holding its key may do, through a store. */
export type FollowerActions = Async<FollowerSeat>;

/**
 * The rooms' shared state. Every operation on a room answers a {@link RoomResult}; an
 * unreachable store is `temporarily_unavailable` (503) there, never a thrown error (the counts,
 * `count`, `joinRetryAfter` and `sweep`, may reject).
 */
export interface RoomStore {
  /** The caps and time limits it enforces (README "Limits"). */
  readonly limits: RoomLimits;
  /** Number of open rooms. */
  count(): Promise<number>;
  /** Opens a room for a lesson; the caller keeps the returned key. */
  create(lesson: string, initial: PresenterState): Promise<RoomResult<CreatedRoom>>;
  /** The public state of a room. */
  state(id: string): Promise<RoomResult<RoomState>>;
  /** The presenter check, the only one (counts as presenter activity). */
  presenter(id: string, key: string | null | undefined): Promise<RoomResult<PresenterActions>>;
  /**
   * A learner joins from `caller` (its address); refused when joining is closed, by a cap of the
   * room or the server, or by the room's join rate or the caller's share of it
   * (`limits.joinsPerCaller`: only a seat counts, so a refused join takes nothing).
   */
  join(id: string, caller: string): Promise<RoomResult<JoinedFollower>>;
  /** Seconds a refused joiner from `caller` should wait before trying again. */
  joinRetryAfter(id: string, caller: string): Promise<number>;
  /** A follower's seat, for the holder of its key. */
  follower(
    id: string,
    followerId: string,
    followerKey: string,
  ): Promise<RoomResult<FollowerActions>>;
  /**
   * Listens to a room. With a follower id, the connection counts as that follower being present
   * until the returned function is called. Caps count every stream but the presenter's.
   */
  subscribe(id: string, listener: RoomListener, as?: SubscribeAs): Promise<RoomResult<() => void>>;
  /** Ends rooms idle for longer than the limit and forgets long-gone followers. */
  sweep(): Promise<number>;
}

/** The presenter's methods, by name (what {@link asAsync} exposes of a room). */
export const PRESENTER_METHODS = [
  'move',
  'setJoining',
  'openPoll',
  'revealPoll',
  'closePoll',
  'close',
] as const satisfies readonly (keyof PresenterControls)[];

/** A follower's methods, by name. */
export const FOLLOWER_METHODS = [
  'vote',
  'leave',
] as const satisfies readonly (keyof FollowerSeat)[];

/**
 * Wraps the named synchronous methods of `target` as {@link Async} ones (nothing else of it is
 * reachable), calling `after` once each call returned (the in-memory store writes the data
 * folder then).
 */
export function asAsync<T extends object, K extends keyof T>(
  target: T,
  names: readonly K[],
  after: () => void = () => undefined,
): Async<Pick<T, K>> {
  const out: Partial<Record<K, unknown>> = {};
  for (const name of names) {
    const method = target[name] as (...args: unknown[]) => unknown;
    out[name] = async (...args: unknown[]) => {
      const result = method.apply(target, args);
      after();
      return result;
    };
  }
  return out as Async<Pick<T, K>>;
}
