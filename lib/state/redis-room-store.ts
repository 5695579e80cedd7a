/**
 * The follow-me rooms over Redis, shared by every instance pointing at it: each room is a hash
 * (presenter-key hash, state, poll, join bucket) with its followers (`:f`, key hashes and last
 * seen), its open streams (`:c`, leased, refreshed by the instance holding them, so a crashed
 * instance's followers stop counting) and votes (`:v`), all expiring with the room; an index of
 * open rooms for the server-wide caps. Each operation is one Lua script
 * (`redis-room-scripts.ts`), and every change is published on `flowlab:rooms:events`, from which
 * each instance refreshes its own listeners ({@link RoomFanout}). No sticky sessions.
 */
import type { Redis } from 'ioredis';
import { cryptoRandomBytes, randomCode, randomToken, type RandomBytes } from '../live/ids';
import type { JoinedFollower } from '../live/presence';
import { deferByTimer, type Defer } from '../live/room-channel';
import type { FollowerActions, PresenterActions, RoomStore } from '../live/room-store';
import {
  DEFAULT_ROOM_LIMITS,
  type CreatedRoom,
  type RoomLimits,
  type SubscribeAs,
} from '../live/rooms';
import {
  fail,
  isPresenterState,
  ok,
  type PresenterState,
  type RoomListener,
  type RoomResult,
  type RoomState,
} from '../live/room-state';
import { RoomFanout, decodeView, type ViewReply } from './redis-room-fanout';
import { ROOM_CHANNEL, ROOM_PREFIX, ROOMS, RoomScripts, hash, refused } from './redis-room-runner';
import * as lua from './redis-room-scripts';

/** What a Redis room store needs; all but the connections have production defaults. */
export interface RedisRoomStoreDeps {
  readonly redis: Redis;
  /** A second connection for pub/sub (shared with the feed). */
  readonly subscriber: Redis;
  readonly now?: () => number;
  readonly random?: RandomBytes;
  readonly limits?: Partial<RoomLimits>;
  readonly defer?: Defer;
  /** How long an open stream counts without its instance refreshing it. Default 30 s. */
  readonly leaseMs?: number;
}

/** The rooms in Redis (see the module comment). */
export class RedisRoomStore implements RoomStore {
  readonly limits: RoomLimits;
  private readonly redis: Redis;
  private readonly scripts: RoomScripts;
  private readonly now: () => number;
  private readonly random: RandomBytes;
  private readonly fanout: RoomFanout;

  constructor(deps: RedisRoomStoreDeps) {
    this.limits = { ...DEFAULT_ROOM_LIMITS, ...deps.limits };
    this.redis = deps.redis;
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? cryptoRandomBytes;
    this.scripts = new RoomScripts(deps.redis, this.limits, this.now);
    this.fanout = new RoomFanout({
      subscriber: deps.subscriber,
      channel: ROOM_CHANNEL,
      defer: deps.defer ?? deferByTimer,
      leaseMs: deps.leaseMs ?? 30_000,
      now: this.now,
      run: (script, id, args) => this.scripts.run(script, id, args),
    });
  }

  async count(): Promise<number> {
    return this.redis.zcount(ROOMS, this.now() - this.limits.idleMs, '+inf');
  }

  async create(lesson: string, initial: PresenterState): Promise<RoomResult<CreatedRoom>> {
    if (!isPresenterState(initial)) return fail('invalid_state');
    const key = randomToken(32, this.random);
    for (;;) {
      const id = randomCode(6, this.random);
      const r = await this.scripts.call(lua.CREATE, id, [
        hash(key),
        lesson,
        initial.scenario,
        initial.step,
        this.limits.maxRooms,
        this.limits.joinBurst,
      ]);
      if (r.ok) return ok({ id, key, state: decodeView(id, r.value[0] as ViewReply) });
      if (r.error !== 'collision') return refused(r);
    }
  }

  async state(id: string): Promise<RoomResult<RoomState>> {
    const r = await this.scripts.call(lua.VIEW, id, []);
    return r.ok ? ok(decodeView(id, r.value[0] as ViewReply)) : refused(r);
  }

  async presenter(
    id: string,
    key: string | null | undefined,
  ): Promise<RoomResult<PresenterActions>> {
    if (typeof key !== 'string' || key.length === 0) {
      const found = await this.state(id);
      return found.ok ? fail('forbidden') : found;
    }
    const keyHash = hash(key);
    const act = async (op: string, ...args: (string | number)[]) => {
      const r = await this.scripts.call(lua.PRESENTER, id, [keyHash, op, ...args]);
      return r.ok ? ok(decodeView(id, r.value[0] as ViewReply)) : refused<RoomState>(r);
    };
    const touched = await this.scripts.call(lua.PRESENTER, id, [keyHash, 'touch']);
    if (!touched.ok) return refused(touched);
    return ok({
      move: async (state) =>
        isPresenterState(state)
          ? act('move', state.scenario, String(state.step))
          : fail('invalid_state'),
      setJoining: (open) => act('joining', open ? '1' : '0'),
      openPoll: (question) => act('open', JSON.stringify(question)),
      revealPoll: () => act('reveal'),
      closePoll: () => act('closepoll'),
      close: async () => {
        const r = await this.scripts.call(lua.PRESENTER, id, [keyHash, 'close']);
        return r.ok ? ok(true as const) : refused<true>(r);
      },
    });
  }

  async join(id: string, caller: string): Promise<RoomResult<JoinedFollower>> {
    const l = this.limits;
    for (;;) {
      const followerId = randomToken(12, this.random);
      const followerKey = randomToken(24, this.random);
      const r = await this.scripts.call(lua.JOIN, id, [
        followerId,
        hash(followerKey),
        l.maxFollowersPerRoom,
        l.maxFollowersTotal,
        l.joinBurst,
        l.joinsPerSecond,
        caller,
        l.joinsPerCaller.count,
        l.joinsPerCaller.windowMs,
      ]);
      if (r.ok) return ok({ followerId, followerKey });
      if (r.error !== 'collision') return refused(r);
    }
  }

  async joinRetryAfter(id: string, caller: string): Promise<number> {
    const room = `${ROOM_PREFIX}${id}`;
    const [[tk, tr], mine] = await Promise.all([
      this.redis.hmget(room, 'tk', 'tr'),
      this.redis.hget(`${room}:j`, caller),
    ]);
    if (tk === null || tr === null) return 0;
    const { joinBurst, joinsPerSecond, joinsPerCaller } = this.limits;
    const now = this.now();
    const tokens = Math.min(
      joinBurst,
      Number(tk) + (Math.max(0, now - Number(tr)) / 1000) * joinsPerSecond,
    );
    const roomWait = tokens >= 1 ? 0 : Math.ceil((1 - tokens) / joinsPerSecond);
    const [seats = 0, resetAt = 0] = (mine ?? '').split('|').map(Number);
    const callerWait =
      seats >= joinsPerCaller.count && resetAt > now ? Math.ceil((resetAt - now) / 1000) : 0;
    return Math.max(roomWait, callerWait);
  }

  async follower(
    id: string,
    followerId: string,
    followerKey: string,
  ): Promise<RoomResult<FollowerActions>> {
    const keyHash = hash(followerKey);
    const act = (op: string, ...args: string[]) =>
      this.scripts.call(lua.FOLLOWER, id, [followerId, keyHash, op, ...args]);
    const verified = await act('verify');
    if (!verified.ok) return refused(verified);
    return ok({
      vote: async (pollId, optionId) => {
        const r = await act('vote', pollId, optionId);
        if (!r.ok) return refused<true>(r);
        if (r.value[0] === 1) this.fanout.changedLater(id);
        return ok(true as const);
      },
      leave: async () => {
        const r = await act('leave');
        if (!r.ok) return refused<true>(r);
        if (r.value[0] === 1) this.fanout.changedLater(id);
        return ok(true as const);
      },
    });
  }

  async subscribe(
    id: string,
    listener: RoomListener,
    as: SubscribeAs = {},
  ): Promise<RoomResult<() => void>> {
    try {
      await this.fanout.ready();
    } catch {
      return fail('temporarily_unavailable');
    }
    const presenter = typeof as.presenterKey === 'string' && as.presenterKey.length > 0;
    if (presenter && as.followerId === undefined) {
      const r = await this.scripts.call(lua.PRESENTER, id, [hash(as.presenterKey!), 'check']);
      if (r.ok) return ok(this.fanout.listen(id, listener, null));
      if (r.error !== 'forbidden') return refused(r);
    }
    if (this.fanout.streams >= this.limits.maxStreamsTotal) return fail('server_full');
    const member = `${as.followerId ?? ''}|${randomToken(9, this.random)}`;
    const r = await this.scripts.call(lua.CONNECT, id, [
      member,
      this.now() + this.fanout.leaseMs,
      as.followerId ?? '',
      this.limits.maxFollowersPerRoom * 2,
      this.limits.maxStreamsPerFollower,
      this.limits.maxWatchersPerRoom,
    ]);
    if (!r.ok) return refused(r);
    if (r.value[0] === 1) this.fanout.changedLater(id);
    return ok(this.fanout.listen(id, listener, { member, followerId: as.followerId ?? '' }));
  }

  async sweep(): Promise<number> {
    const r = await this.scripts.call(lua.SWEEP, '', []);
    return r.ok ? Number(r.value[0]) : 0;
  }
}
