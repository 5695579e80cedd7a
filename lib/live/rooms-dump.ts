/**
 * Checks the rooms a file claims to have kept across a restart ({@link RoomDump}s), field by
 * field, so a hand-edited or truncated file is refused whole instead of half-restored.
 * Framework-free.
 */
import type { PollQuestion } from './polls';
import type { PresenceDump } from './presence';
import type { RoomPollDump } from './room-poll';
import { isPresenterState } from './room-state';

/** A room as kept across a restart (its listeners are not: streams reconnect). */
export interface RoomDump {
  readonly id: string;
  readonly key: string;
  readonly lesson: string;
  readonly scenario: string;
  readonly step: number;
  readonly joining: boolean;
  readonly lastActivity: number;
  readonly version: number;
  readonly presence: PresenceDump;
  readonly poll: RoomPollDump;
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 5000;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const arr = (v: unknown): v is unknown[] => Array.isArray(v);
const obj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isQuestion(q: unknown): q is PollQuestion {
  return (
    obj(q) &&
    str(q.id) &&
    str(q.prompt) &&
    (q.code === undefined || typeof q.code === 'string') &&
    str(q.answer) &&
    arr(q.options) &&
    q.options.every((o) => obj(o) && str(o.id) && typeof o.text === 'string')
  );
}

function isPoll(p: unknown): boolean {
  if (!obj(p) || !num(p.counter)) return false;
  const poll = p.poll;
  if (poll === null) return true;
  return (
    obj(poll) &&
    str(poll.id) &&
    isQuestion(poll.question) &&
    (poll.status === 'open' || poll.status === 'revealed') &&
    num(poll.openedAt) &&
    arr(poll.votes) &&
    poll.votes.every((v) => arr(v) && v.length === 2 && str(v[0]) && str(v[1]))
  );
}

function isPresence(p: unknown): boolean {
  return (
    obj(p) &&
    num(p.tokens) &&
    num(p.refilledAt) &&
    arr(p.followers) &&
    p.followers.every(
      (f) =>
        arr(f) &&
        f.length === 4 &&
        str(f[0]) &&
        str(f[1]) &&
        num(f[2]) &&
        typeof f[3] === 'boolean',
    )
  );
}

/** Whether a parsed value is one room as {@link Room.dump} wrote it. */
export function isRoomDump(d: unknown): d is RoomDump {
  return (
    obj(d) &&
    str(d.id) &&
    str(d.key) &&
    str(d.lesson) &&
    isPresenterState(d) &&
    typeof d.joining === 'boolean' &&
    num(d.lastActivity) &&
    num(d.version) &&
    isPresence(d.presence) &&
    isPoll(d.poll)
  );
}

/** The rooms in a parsed rooms file (`{ version: 1, rooms }`), or null when it is not one. */
export function parseRoomsFile(json: unknown): RoomDump[] | null {
  if (!obj(json) || json.version !== 1 || !arr(json.rooms)) return null;
  return json.rooms.every(isRoomDump) ? (json.rooms as RoomDump[]) : null;
}
