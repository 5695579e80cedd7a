/**
 * What each role may do to a follow-me room: the presenter's controls (for the holder of the
 * room key), a follower's seat (for the holder of its follower key), and who a listener is.
 * Framework-free.
 */
import type { PollQuestion } from './polls';
import type { RoomResult, RoomState } from './room-state';

/** What only the presenter may do to a room. */
export interface PresenterControls {
  /** The presenter moved: followers follow. */
  move(state: unknown): RoomResult<RoomState>;
  /** Opens or closes joining for new followers. */
  setJoining(open: boolean): RoomResult<RoomState>;
  /** Opens a poll on a question (replacing any current poll). */
  openPoll(question: PollQuestion): RoomResult<RoomState>;
  /** Reveals the current poll's counts and correct answer. */
  revealPoll(): RoomResult<RoomState>;
  /** Takes the poll down. */
  closePoll(): RoomResult<RoomState>;
  /** Ends the room: every listener hears `closed`. */
  close(): RoomResult<true>;
}

/** What a follower holding its key may do. */
export interface FollowerSeat {
  /** Votes (or changes the vote) on the current poll; only while following (connected). */
  vote(pollId: string, optionId: string): RoomResult<true>;
  /** Leaves for good: the slot and any open vote are freed at once. */
  leave(): RoomResult<true>;
}

/** Who a listener is: a follower (by id), the presenter, or neither (an anonymous viewer). */
export interface ListenerRole {
  readonly followerId?: string | undefined;
  readonly presenter?: boolean;
}
