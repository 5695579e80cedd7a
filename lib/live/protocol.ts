/**
 * The HTTP contract of the live features, shared by the route handlers and the views: paths,
 * headers and the shapes exchanged. Framework-free.
 */
import type { RoomError, RoomState } from './room-state';

/** The presenter's room key travels in this header (never in a URL). */
export const ROOM_KEY_HEADER = 'x-room-key';

/**
 * The presenter's room key also travels in this HttpOnly cookie, scoped to the room's paths, so
 * the presenter's own EventSource (which cannot send headers) is never counted against a cap.
 * It authorizes no change: every change still needs {@link ROOM_KEY_HEADER}.
 */
export const ROOM_KEY_COOKIE = 'flowlab-room-key';

/** "Reset demo" requires this header with the value `reset`: another site cannot send it. */
export const RESET_HEADER = 'x-flowlab-confirm';

/** The live API's paths, shared by the route handlers' callers on the client. */
export const livePaths = {
  feed: '/api/live/feed',
  feedCredential: (id: number) => `/api/live/feed/${id}`,
  reset: '/api/live/reset',
  stats: '/api/live/stats',
  rooms: '/api/rooms',
  room: (id: string) => `/api/rooms/${encodeURIComponent(id)}`,
  roomState: (id: string) => `/api/rooms/${encodeURIComponent(id)}/state`,
  roomJoining: (id: string) => `/api/rooms/${encodeURIComponent(id)}/joining`,
  roomEvents: (id: string) => `/api/rooms/${encodeURIComponent(id)}/events`,
  roomFollowers: (id: string) => `/api/rooms/${encodeURIComponent(id)}/followers`,
  roomPoll: (id: string) => `/api/rooms/${encodeURIComponent(id)}/poll`,
  roomPollReveal: (id: string) => `/api/rooms/${encodeURIComponent(id)}/poll/reveal`,
  roomVote: (id: string) => `/api/rooms/${encodeURIComponent(id)}/poll/vote`,
  roomQr: (id: string) => `/api/rooms/${encodeURIComponent(id)}/qr`,
  /** The presenter's sign-in (`?key=`, form POST) and sign-out (POST `action=sign-out`). */
  presenterSession: '/present/session',
  /** The page a learner opens to follow a room. */
  follow: (id: string) => `/follow/${encodeURIComponent(id)}`,
} as const;

/** The HTTP status of each room error. */
export const roomErrorStatus: Readonly<Record<RoomError, number>> = {
  not_found: 404,
  forbidden: 403,
  too_many_rooms: 503,
  room_full: 409,
  server_full: 503,
  joining_closed: 403,
  too_many_joins: 429,
  invalid_state: 400,
  unknown_follower: 404,
  too_many_streams: 429,
  not_following: 409,
  no_poll: 409,
  unknown_question: 400,
  temporarily_unavailable: 503,
  poll_revealed: 409,
  unknown_option: 400,
  stale_poll: 409,
};

/** What POST /api/rooms answers. */
export interface CreateRoomResponse {
  readonly id: string;
  readonly key: string;
  readonly joinPath: string;
  readonly state: RoomState;
}

/** A room's SSE stream: `event: state` carries a {@link RoomState}; `event: closed` ends it. */
export interface RoomClosedMessage {
  readonly reason: 'closed' | 'expired';
}
