/**
 * The shapes of a follow-me room that cross its boundary: what followers mirror, what everyone
 * may see, the errors, and what a listener hears. Framework-free.
 */
import type { PollView, VoteError } from './polls';

/** The part of the presenter's view that followers mirror. */
export interface PresenterState {
  /** A scenario id of the step engine (`valid`, `wrong-secret`, ...). */
  readonly scenario: string;
  /** The step cursor (0-based index into the scenario's trace). */
  readonly step: number;
}

/** The public state of a room, as every listener receives it (`event: state`). */
export interface RoomState {
  readonly id: string;
  readonly lesson: string;
  readonly scenario: string;
  readonly step: number;
  /** Followers with a live connection right now. */
  readonly followers: number;
  /** Whether new followers may still join (the presenter can close joining). */
  readonly joining: boolean;
  readonly poll: PollView | null;
  /** Increases with every change, so a view can drop a stale state. */
  readonly version: number;
}

/** Why a room operation was refused; each maps to one HTTP status (`roomErrorStatus`). */
export type RoomError =
  | 'not_found'
  | 'forbidden'
  | 'too_many_rooms'
  | 'room_full'
  | 'server_full'
  | 'joining_closed'
  | 'too_many_joins'
  | 'invalid_state'
  | 'unknown_follower'
  /** This follower's, or the room's watchers', share of the room's streams is open already. */
  | 'too_many_streams'
  | 'not_following'
  | 'no_poll'
  | 'unknown_question'
  /** The shared store (Redis) cannot be reached right now: 503, try again shortly. */
  | 'temporarily_unavailable'
  | VoteError;

/** The outcome of a room operation. */
export type RoomResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RoomError };

/** Why a room ended. */
export type RoomEndReason = 'closed' | 'expired';

/** What a room's listener hears: the new state, or that the room ended. */
export type RoomMessage =
  | { readonly type: 'state'; readonly state: RoomState }
  | { readonly type: 'closed'; readonly reason: RoomEndReason };

/** A listener of one room. */
export type RoomListener = (message: RoomMessage) => void;

/** A successful result. */
export const ok = <T>(value: T): RoomResult<T> => ({ ok: true, value });

/** A refused result. */
export const fail = <T>(error: RoomError): RoomResult<T> => ({ ok: false, error });

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

/** Chains a room operation onto a result: `f` runs only on success. */
export function andThen<T, U>(
  result: RoomResult<T>,
  f: (value: T) => RoomResult<U>,
): RoomResult<U> {
  return result.ok ? f(result.value) : result;
}
