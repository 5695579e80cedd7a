/**
 * A room's current poll: at most one at a time, numbered per room, over the pure functions of
 * `polls.ts`. Framework-free.
 */
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

/** A room's poll as kept across a restart. */
export interface RoomPollDump {
  readonly counter: number;
  readonly poll: {
    readonly id: string;
    readonly question: PollQuestion;
    readonly status: Poll['status'];
    readonly openedAt: number;
    readonly votes: readonly (readonly [follower: string, option: string])[];
  } | null;
}

/** The current poll of one room. */
export class RoomPoll {
  private poll: Poll | null = null;
  private counter = 0;

  constructor(
    private readonly roomId: string,
    private readonly now: () => number,
  ) {}

  /** Whether a poll is up. */
  get active(): boolean {
    return this.poll !== null;
  }

  /** Opens a poll on a question, replacing any current one. */
  open(question: PollQuestion): void {
    this.counter += 1;
    this.poll = openPoll(`${this.roomId}-${this.counter}`, question, this.now());
  }

  /** Reveals the counts and the answer; false when there is no poll. */
  reveal(): boolean {
    if (!this.poll) return false;
    this.poll = revealPoll(this.poll);
    return true;
  }

  /** Takes the poll down; false when there was none. */
  close(): boolean {
    if (!this.poll) return false;
    this.poll = null;
    return true;
  }

  /** Records or changes a vote; `changedCount` tells whether the number of voters changed. */
  vote(
    pollId: string,
    followerId: string,
    optionId: string,
  ): { ok: true; changedCount: boolean } | { ok: false; error: VoteError | 'no_poll' } {
    if (!this.poll) return { ok: false, error: 'no_poll' };
    const result = castVote(this.poll, pollId, followerId, optionId);
    if (!result.ok) return result;
    const before = this.poll.votes.size;
    this.poll = result.poll;
    return { ok: true, changedCount: this.poll.votes.size !== before };
  }

  /** Drops the votes of followers who left; whether any was dropped. */
  drop(followerIds: readonly string[]): boolean {
    if (!this.poll) return false;
    const before = this.poll;
    for (const id of followerIds) this.poll = dropVote(this.poll, id);
    return this.poll !== before;
  }

  /** What survives a restart. */
  dump(): RoomPollDump {
    const p = this.poll;
    return {
      counter: this.counter,
      poll: p && {
        id: p.id,
        question: p.question,
        status: p.status,
        openedAt: p.openedAt,
        votes: [...p.votes],
      },
    };
  }

  /** Takes back what {@link dump} kept. */
  restore(dump: RoomPollDump): void {
    this.counter = dump.counter;
    const p = dump.poll;
    this.poll = p && { ...p, votes: new Map(p.votes) };
  }

  /** What everyone may see of the poll. */
  view(): PollView | null {
    return this.poll ? pollView(this.poll) : null;
  }
}
