/**
 * How the Redis room store and its fan-out run the room scripts: the keys and channel, the
 * common arguments every script takes, and the mapping of a reply (or an unreachable Redis:
 * `temporarily_unavailable`) to an outcome.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RoomLimits } from '../live/rooms';
import { fail, type RoomError, type RoomResult } from '../live/room-state';
import { whenReady } from './redis-state-store';

/** Key of the index of open rooms; each room's keys start with `flowlab:room:`. */
export const ROOMS = 'flowlab:rooms';
/** Prefix of each room's keys. */
export const ROOM_PREFIX = 'flowlab:room:';
/** Channel every room event is published on (`<room>|state|<view>` or `<room>|closed|<reason>`). */
export const ROOM_CHANNEL = 'flowlab:rooms:events';

/** A script's raw reply: `{1, ...values}` or `{0, error}`. */
export type Reply = [0, RoomError | 'collision'] | [1, ...unknown[]];

/** A script's outcome: its values, or why it refused (`collision`: a random id was taken). */
export type Outcome =
  | { readonly ok: true; readonly value: unknown[] }
  | { readonly ok: false; readonly error: RoomError | 'collision' };

/** A refusal as a room result (a collision is retried by its caller, never answered). */
export const refused = <T>(o: { readonly error: RoomError | 'collision' }): RoomResult<T> =>
  fail(o.error === 'collision' ? 'temporarily_unavailable' : o.error);

/** The SHA-256 of a presenter or follower key: Redis never holds a key itself. */
export const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** Runs the room scripts over one connection, with the store's clock and limits. */
export class RoomScripts {
  constructor(
    readonly redis: Redis,
    private readonly limits: RoomLimits,
    private readonly now: () => number,
  ) {}

  /** Runs one room script; answers its reply, or `temporarily_unavailable` when Redis is away. */
  async call(script: string, id: string, args: readonly (string | number)[]): Promise<Outcome> {
    let reply: Reply;
    try {
      // A connection still opening (a process that just started) is waited for, briefly.
      if (this.redis.status === 'wait' || this.redis.status === 'connecting') {
        await whenReady(this.redis, 1_000);
      }
      reply = await this.run(script, id, args);
    } catch (e) {
      if (this.redis.status === 'ready') {
        console.error(`FlowLab: a Redis room operation failed: ${(e as Error).message}`);
      }
      return fail('temporarily_unavailable');
    }
    return reply[0] === 0 ? { ok: false, error: reply[1] } : { ok: true, value: reply.slice(1) };
  }

  run(script: string, id: string, args: readonly (string | number)[]): Promise<Reply> {
    // Every room's keys are named from its id; the sweep walks them all (id '').
    const l = this.limits;
    return this.redis.eval(
      script,
      2,
      `${ROOM_PREFIX}${id}`,
      ROOMS,
      this.now(),
      l.idleMs,
      ROOM_CHANNEL,
      id,
      l.followerIdleMs,
      l.joinGraceMs,
      ...args,
    ) as Promise<Reply>;
  }
}
