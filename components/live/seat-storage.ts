/**
 * The seats this browser holds in follow-me rooms, kept in localStorage under
 * `flowlab-follow:<room>`: one seat per room, shared by every tab and kept when a tab closes, so
 * a learner who reopens the join link (or opens it twice) is the same follower with the same
 * vote, counted once. Each seat keeps the answers it sent, so every page of it shows them.
 *
 * Bounded: a seat not used for {@link SEAT_MAX_AGE_MS} is dropped, and at most
 * {@link SEAT_MAX_ROOMS} are kept (the most recently used), whenever a new seat is kept. A seat
 * of a room that ended stays until then (reopened, its page says the session ended); a seat the
 * room forgot is dropped by the page, which joins again. Best effort throughout: disabled or
 * full storage, or an entry that is not well formed, reads as "no seat" and never throws (the
 * page then keeps its seat only while it is open, as before).
 */

import { webStorage } from '@/lib/store/web-storage';

/** A learner's place in a room: the follower id and the key that proves it. */
export interface Membership {
  readonly followerId: string;
  readonly followerKey: string;
}

/** A seat with the room it is in, as the challenges page reports it. */
export interface RoomSeat extends Membership {
  readonly roomId: string;
}

/** Seats kept at most: a learner follows a handful of rooms in a week. */
export const SEAT_MAX_ROOMS = 20;
/** A seat unused this long is dropped (a room ends 2 h after the presenter's last move). */
export const SEAT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Answers kept per seat: a session has a handful of polls. */
const MAX_VOTES = 20;

const PREFIX = 'flowlab-follow:';
const storageKey = (roomId: string) => `${PREFIX}${roomId}`;

/** What is stored per room. */
interface StoredSeat extends Membership {
  /** When a page last took this seat (ms since the epoch). */
  readonly usedAt: number;
  /** The answer this seat sent to each poll, by poll id. */
  readonly votes: Readonly<Record<string, string>>;
}

const storage = () => webStorage('localStorage');

/** The seat stored under `key`, or null when none or not well formed. */
function read(s: Storage, key: string): StoredSeat | null {
  try {
    const raw: unknown = JSON.parse(s.getItem(key) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const v = raw as Record<string, unknown>;
    if (typeof v.followerId !== 'string' || typeof v.followerKey !== 'string') return null;
    const votes =
      typeof v.votes === 'object' && v.votes !== null && !Array.isArray(v.votes)
        ? Object.fromEntries(
            Object.entries(v.votes).filter((e): e is [string, string] => typeof e[1] === 'string'),
          )
        : {};
    return {
      followerId: v.followerId,
      followerKey: v.followerKey,
      usedAt: typeof v.usedAt === 'number' ? v.usedAt : 0,
      votes,
    };
  } catch {
    return null;
  }
}

function write(s: Storage, roomId: string, seat: StoredSeat): void {
  const { followerId, followerKey, usedAt } = seat;
  const votes = Object.fromEntries(Object.entries(seat.votes).slice(-MAX_VOTES));
  s.setItem(storageKey(roomId), JSON.stringify({ followerId, followerKey, usedAt, votes }));
}

/** Every room key stored, with its seat (null when not well formed). */
function entries(s: Storage): [key: string, seat: StoredSeat | null][] {
  const found: [string, StoredSeat | null][] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(PREFIX)) found.push([key, read(s, key)]);
  }
  return found;
}

/**
 * Drops the seats other than `kept`'s that are not well formed or unused too long, then all but
 * the newest {@link SEAT_MAX_ROOMS} with `kept` among them.
 */
function prune(s: Storage, now: number, kept: string): void {
  const others = entries(s).filter(([key]) => key !== kept);
  const stale = others.filter(([, seat]) => !seat || now - seat.usedAt > SEAT_MAX_AGE_MS);
  const fresh = others
    .filter((e): e is [string, StoredSeat] => !stale.includes(e))
    .sort(([, a], [, b]) => b.usedAt - a.usedAt);
  for (const [key] of [...stale, ...fresh.slice(SEAT_MAX_ROOMS - 1)]) s.removeItem(key);
}

/** This browser's seat in `roomId`, or null; marks it used now (it is not dropped as unused). */
export function keptSeat(roomId: string, now = Date.now()): Membership | null {
  const s = storage();
  if (!s) return null;
  const seat = read(s, storageKey(roomId));
  if (!seat) return null;
  try {
    write(s, roomId, { ...seat, usedAt: now });
  } catch {
    // full or read-only: the seat is still good
  }
  return { followerId: seat.followerId, followerKey: seat.followerKey };
}

/** Keeps a seat just obtained for `roomId` (replacing any other), then prunes the others. */
export function keepSeat(roomId: string, seat: Membership, now = Date.now()): void {
  const s = storage();
  if (!s) return;
  try {
    prune(s, now, storageKey(roomId)); // first, so that a full storage has room for it
    write(s, roomId, { ...seat, usedAt: now, votes: {} });
  } catch {
    // quota exceeded or storage disabled: the page keeps the seat while it is open
  }
}

/**
 * Forgets the seat of `roomId` when it is still `followerId` (a page that joined again meanwhile
 * in another tab keeps its new seat).
 */
export function forgetSeat(roomId: string, followerId: string): void {
  const s = storage();
  if (!s) return;
  try {
    if (read(s, storageKey(roomId))?.followerId === followerId) s.removeItem(storageKey(roomId));
  } catch {
    // nothing to forget
  }
}

/** The answers `followerId` sent in `roomId`, by poll id (none when it is not the seat kept). */
export function keptVotes(roomId: string, followerId: string): Record<string, string> {
  const s = storage();
  const seat = s ? read(s, storageKey(roomId)) : null;
  return seat?.followerId === followerId ? { ...seat.votes } : {};
}

/** Records that `followerId`, the seat kept for `roomId`, answered `optionId` to `pollId`. */
export function keepVote(roomId: string, followerId: string, pollId: string, optionId: string) {
  const s = storage();
  if (!s) return;
  try {
    const seat = read(s, storageKey(roomId));
    if (seat?.followerId !== followerId) return;
    const votes = { ...seat.votes };
    delete votes[pollId]; // the newest answer goes last, so the oldest are the ones dropped
    write(s, roomId, { ...seat, votes: { ...votes, [pollId]: optionId } });
  } catch {
    // storage off or full: the answer is shown until the page goes
  }
}

/** Calls `onChange` when another tab changes the seat kept for `roomId`; returns the unsubscribe. */
export function watchSeat(roomId: string, onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === storageKey(roomId) || e.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/** Every seat this browser keeps, with its room. */
export function keptSeats(): RoomSeat[] {
  const s = storage();
  if (!s) return [];
  try {
    return entries(s).flatMap(([key, seat]) =>
      seat
        ? [
            {
              roomId: key.slice(PREFIX.length),
              followerId: seat.followerId,
              followerKey: seat.followerKey,
            },
          ]
        : [],
    );
  } catch {
    return []; // storage refused
  }
}
