/**
 * One follow-me room: the presenter's state, its followers, its poll and its listeners. The
 * registry hands a room out only after the right check: {@link PresenterControls} to the holder
 * of the room key, {@link FollowerSeat} to a follower with its key.
 */
import type { RandomBytes } from './ids';
import type { PollQuestion } from './polls';
import type { FollowerSeat, ListenerRole, PresenterControls } from './room-controls';
import type { RoomDump } from './rooms-dump';
import { Presence, type JoinRefusal, type JoinedFollower, type PresenceLimits } from './presence';
import { RoomChannel, type Defer } from './room-channel';
import { RoomPoll } from './room-poll';
import {
  fail,
  isPresenterState,
  ok,
  type PresenterState,
  type RoomEndReason,
  type RoomListener,
  type RoomResult,
  type RoomState,
} from './room-state';

/** What a room needs from its registry. */
export interface RoomDeps {
  readonly now: () => number;
  readonly random: RandomBytes;
  readonly defer: Defer;
  readonly limits: PresenceLimits;
  /** Removes the room from the registry once it ended. */
  readonly onEnd: (room: Room) => void;
}

/** One room (internal to the live module: routes reach it through the registry's checks). */
export class Room implements PresenterControls {
  lastActivity: number;
  private state: PresenterState;
  private joining = true;
  private ended = false;
  private presenterListeners = 0;
  /** Listeners that are neither the presenter nor a follower: someone watching with curl. */
  private watcherListeners = 0;
  private readonly presence: Presence;
  private readonly poll: RoomPoll;
  private readonly channel: RoomChannel;

  constructor(
    readonly id: string,
    readonly key: string,
    readonly lesson: string,
    initial: PresenterState,
    private readonly deps: RoomDeps,
  ) {
    this.state = { scenario: initial.scenario, step: initial.step };
    this.lastActivity = deps.now();
    this.channel = new RoomChannel(deps.defer, () => this.view());
    this.presence = new Presence(deps.limits, deps.now, deps.random, () =>
      this.channel.changedLater(),
    );
    this.poll = new RoomPoll(id, deps.now);
  }

  /** Followers who joined and are not forgotten (for the server-wide cap). */
  get joined(): number {
    return this.presence.joined;
  }

  /** Open listeners of this room that count against the server's cap (the presenter's never do). */
  get cappedListeners(): number {
    return this.channel.size - this.presenterListeners;
  }

  /** Open listeners of followers (the room's stream cap counts only these). */
  get followerListeners(): number {
    return this.cappedListeners - this.watcherListeners;
  }

  /** Open listeners without a seat or the presenter key. */
  get watchers(): number {
    return this.watcherListeners;
  }

  /** Open listeners of one follower. */
  streamsOf(followerId: string): number {
    return this.presence.connectionsOf(followerId);
  }

  /** Seconds until the join rate limits accept another join from `caller`. */
  joinRetryAfter(caller: string): number {
    return this.presence.retryAfterSeconds(caller);
  }

  /** The public state. */
  view(): RoomState {
    return {
      id: this.id,
      lesson: this.lesson,
      scenario: this.state.scenario,
      step: this.state.step,
      followers: this.presence.present,
      joining: this.joining,
      poll: this.poll.view(),
      version: this.channel.version,
    };
  }

  /** What survives a restart. */
  dump(): RoomDump {
    return {
      id: this.id,
      key: this.key,
      lesson: this.lesson,
      ...this.state,
      joining: this.joining,
      lastActivity: this.lastActivity,
      version: this.channel.version,
      presence: this.presence.dump(),
      poll: this.poll.dump(),
    };
  }

  /** Takes back what {@link dump} kept (a room just built from the same id, key and lesson). */
  restore(dump: RoomDump): void {
    this.state = { scenario: dump.scenario, step: dump.step };
    this.joining = dump.joining;
    this.lastActivity = dump.lastActivity;
    this.channel.resumeAt(dump.version);
    this.presence.restore(dump.presence);
    this.poll.restore(dump.poll);
  }

  /**
   * A learner joins from `caller`, unless joining is closed, the room is full, or joins come too
   * fast (from everyone, or from this caller).
   */
  join(caller: string): RoomResult<JoinedFollower> {
    if (!this.joining) return fail('joining_closed');
    this.prune();
    const joined: JoinedFollower | JoinRefusal = this.presence.join(caller);
    return typeof joined === 'string' ? fail(joined) : ok(joined);
  }

  /** The seat of a follower whose key matches. */
  seat(followerId: string, followerKey: string): RoomResult<FollowerSeat> {
    if (!this.presence.verify(followerId, followerKey)) return fail('unknown_follower');
    return ok({
      vote: (pollId, optionId) => {
        if (!this.presence.isPresent(followerId)) return fail('not_following');
        const result = this.poll.vote(pollId, followerId, optionId);
        if (!result.ok) return fail(result.error);
        this.presence.touch(followerId);
        if (result.changedCount) this.channel.changedLater();
        return ok(true);
      },
      leave: () => {
        const wasConnected = this.presence.remove(followerId);
        const hadVote = this.poll.drop([followerId]);
        if (wasConnected || hadVote) this.channel.changedLater();
        return ok(true);
      },
    });
  }

  /** Whether a follower id is known (a stream may only count presence for a known follower). */
  hasFollower(followerId: string): boolean {
    return this.presence.has(followerId);
  }

  /**
   * Listens. A follower's connection counts as that follower being present; the presenter's
   * connections are never counted against the room's cap.
   */
  listen(listener: RoomListener, as: ListenerRole = {}): () => void {
    const detach = this.channel.add(listener);
    const disconnect =
      as.followerId !== undefined ? this.presence.connect(as.followerId) : undefined;
    const watcher = !as.presenter && as.followerId === undefined;
    if (as.presenter) this.presenterListeners += 1;
    if (watcher) this.watcherListeners += 1;
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      detach();
      if (as.presenter) this.presenterListeners -= 1;
      if (watcher) this.watcherListeners -= 1;
      if (!this.ended) disconnect?.();
    };
  }

  move(state: unknown): RoomResult<RoomState> {
    if (!isPresenterState(state)) return fail('invalid_state');
    if (state.scenario !== this.state.scenario || state.step !== this.state.step) {
      this.state = { scenario: state.scenario, step: state.step };
      this.channel.changed();
    }
    return ok(this.view());
  }

  setJoining(open: boolean): RoomResult<RoomState> {
    if (this.joining !== open) {
      this.joining = open;
      this.channel.changed();
    }
    return ok(this.view());
  }

  openPoll(question: PollQuestion): RoomResult<RoomState> {
    this.poll.open(question);
    this.channel.changed();
    return ok(this.view());
  }

  revealPoll(): RoomResult<RoomState> {
    if (!this.poll.reveal()) return fail('no_poll');
    this.channel.changed();
    return ok(this.view());
  }

  closePoll(): RoomResult<RoomState> {
    if (!this.poll.close()) return fail('no_poll');
    this.channel.changed();
    return ok(this.view());
  }

  close(): RoomResult<true> {
    this.end('closed');
    return ok(true);
  }

  /** Forgets followers long gone, with their open votes. */
  prune(): void {
    const gone = this.presence.prune();
    if (gone.length > 0 && this.poll.drop(gone)) this.channel.changedLater();
  }

  /** Ends the room once: listeners hear why, then everything is dropped. */
  end(reason: RoomEndReason): void {
    if (this.ended) return;
    this.ended = true;
    this.channel.end(reason);
    this.presence.clear();
    this.poll.close();
    this.deps.onEnd(this);
  }
}
