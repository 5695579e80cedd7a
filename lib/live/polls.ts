/**
 * Live polls: the presenter opens a quiz question, followers vote on their own devices (one vote
 * each, changeable until the reveal), and the presenter reveals the counts with the correct
 * option marked. Pure functions over plain data; the room registry owns the polls.
 */

/** One answer option of a poll. */
export interface PollOption {
  readonly id: string;
  readonly text: string;
}

/** A question a poll can ask: any of the lesson's practice or visual quiz questions. */
export interface PollQuestion {
  readonly id: string;
  readonly prompt: string;
  /** An HTTP message or code the prompt refers to, shown verbatim. */
  readonly code?: string;
  readonly options: readonly PollOption[];
  /** The id of the correct option: kept from followers until the reveal. */
  readonly answer: string;
}

/** Whether a poll still takes votes (`open`) or shows its counts (`revealed`). */
export type PollStatus = 'open' | 'revealed';

/** A poll in a room: its question, status and one vote per follower. */
export interface Poll {
  readonly id: string;
  readonly question: PollQuestion;
  readonly status: PollStatus;
  readonly openedAt: number;
  /** follower id -> option id; one entry per follower, so votes are bounded by followers. */
  readonly votes: ReadonlyMap<string, string>;
}

/** Why a vote was refused. */
export type VoteError = 'poll_revealed' | 'unknown_option' | 'stale_poll';

/** What everyone in the room may see of a poll. */
export interface PollView {
  readonly id: string;
  readonly questionId: string;
  readonly prompt: string;
  readonly code?: string;
  readonly options: readonly PollOption[];
  readonly status: PollStatus;
  /** How many followers have voted (shown live). */
  readonly votes: number;
  /** Votes per option, in option order: only once revealed. */
  readonly tally?: readonly number[];
  /** The correct option: only once revealed. */
  readonly correct?: string;
}

/** Opens a poll on a question. */
export function openPoll(id: string, question: PollQuestion, now: number): Poll {
  return { id, question, status: 'open', openedAt: now, votes: new Map() };
}

/**
 * Records (or changes) one follower's vote. Refused once the poll is revealed, for an option the
 * question does not have, or for a poll that is no longer the room's current one.
 */
export function castVote(
  poll: Poll,
  pollId: string,
  followerId: string,
  optionId: string,
): { ok: true; poll: Poll } | { ok: false; error: VoteError } {
  if (poll.id !== pollId) return { ok: false, error: 'stale_poll' };
  if (poll.status !== 'open') return { ok: false, error: 'poll_revealed' };
  if (!poll.question.options.some((o) => o.id === optionId))
    return { ok: false, error: 'unknown_option' };
  const votes = new Map(poll.votes);
  votes.set(followerId, optionId);
  return { ok: true, poll: { ...poll, votes } };
}

/** Drops a follower's vote (the follower left the room for good). */
export function dropVote(poll: Poll, followerId: string): Poll {
  if (!poll.votes.has(followerId) || poll.status !== 'open') return poll;
  const votes = new Map(poll.votes);
  votes.delete(followerId);
  return { ...poll, votes };
}

/** Counts per option, in the question's option order. */
export function tally(poll: Poll): number[] {
  const counts = new Map(poll.question.options.map((o) => [o.id, 0]));
  for (const optionId of poll.votes.values()) counts.set(optionId, (counts.get(optionId) ?? 0) + 1);
  return poll.question.options.map((o) => counts.get(o.id) ?? 0);
}

/** Reveals the counts and the correct answer; votes are frozen from here on. */
export function revealPoll(poll: Poll): Poll {
  return poll.status === 'revealed' ? poll : { ...poll, status: 'revealed' };
}

/** The public view of a poll: no answer and no per-option counts before the reveal. */
export function pollView(poll: Poll): PollView {
  const { question } = poll;
  const base = {
    id: poll.id,
    questionId: question.id,
    prompt: question.prompt,
    ...(question.code !== undefined ? { code: question.code } : {}),
    options: question.options,
    status: poll.status,
    votes: poll.votes.size,
  };
  return poll.status === 'revealed'
    ? { ...base, tally: tally(poll), correct: question.answer }
    : base;
}

/** The fields of a lesson question a poll needs (a practice question has them all, and more). */
export interface PollableQuestion {
  readonly id: string;
  readonly prompt: string;
  readonly code?: string;
  readonly options: readonly PollOption[];
  readonly answer: string;
}

/** Turns lesson questions into poll questions, keeping only what a poll shows (no solutions). */
export function toPollQuestions(questions: readonly PollableQuestion[]): PollQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    ...(q.code !== undefined ? { code: q.code } : {}),
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
    answer: q.answer,
  }));
}
