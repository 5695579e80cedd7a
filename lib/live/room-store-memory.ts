/**
 * The default {@link RoomStore}: this process's {@link RoomRegistry}, behind the async interface.
 * `onChange` runs after every call that may have changed what a restart should keep (the data
 * folder's file store writes then). Framework-free.
 */
import type { JoinedFollower } from './presence';
import {
  FOLLOWER_METHODS,
  PRESENTER_METHODS,
  asAsync,
  type FollowerActions,
  type PresenterActions,
  type RoomStore,
} from './room-store';
import { RoomRegistry, type CreatedRoom, type RoomLimits, type SubscribeAs } from './rooms';
import {
  ok,
  type PresenterState,
  type RoomListener,
  type RoomResult,
  type RoomState,
} from './room-state';

/** The rooms of one process, in its memory. */
export class MemoryRoomStore implements RoomStore {
  constructor(
    readonly registry: RoomRegistry = new RoomRegistry(),
    private readonly onChange: () => void = () => undefined,
  ) {}

  get limits(): RoomLimits {
    return this.registry.limits;
  }

  async count(): Promise<number> {
    return this.registry.size;
  }

  async create(lesson: string, initial: PresenterState): Promise<RoomResult<CreatedRoom>> {
    return this.changing(this.registry.create(lesson, initial));
  }

  async state(id: string): Promise<RoomResult<RoomState>> {
    return this.registry.state(id);
  }

  async presenter(
    id: string,
    key: string | null | undefined,
  ): Promise<RoomResult<PresenterActions>> {
    const room = this.changing(this.registry.presenter(id, key));
    return room.ok ? ok(asAsync(room.value, PRESENTER_METHODS, this.onChange)) : room;
  }

  async join(id: string, caller: string): Promise<RoomResult<JoinedFollower>> {
    return this.changing(this.registry.join(id, caller));
  }

  async joinRetryAfter(id: string, caller: string): Promise<number> {
    return this.registry.joinRetryAfter(id, caller);
  }

  async follower(
    id: string,
    followerId: string,
    followerKey: string,
  ): Promise<RoomResult<FollowerActions>> {
    const seat = this.registry.follower(id, followerId, followerKey);
    return seat.ok ? ok(asAsync(seat.value, FOLLOWER_METHODS, this.onChange)) : seat;
  }

  async subscribe(
    id: string,
    listener: RoomListener,
    as: SubscribeAs = {},
  ): Promise<RoomResult<() => void>> {
    const stop = this.changing(this.registry.subscribe(id, listener, as));
    if (!stop.ok) return stop;
    return ok(() => {
      stop.value();
      this.onChange();
    });
  }

  async sweep(): Promise<number> {
    return this.changing(this.registry.sweep());
  }

  private changing<T>(result: T): T {
    this.onChange();
    return result;
  }
}
