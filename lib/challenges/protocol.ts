/**
 * The HTTP contract of the Challenges mode, shared by its route handlers and its views: paths
 * and the shapes exchanged. A learner's routes are authorized by the client's registration
 * access token (`Authorization: Bearer`, RFC 7592 §3), a room's by its room key (`X-Room-Key`).
 */
import type { RoomProgress } from './room-progress';
import type { TaskPass } from './types';

/** The Challenges API's paths. */
export const challengePaths = {
  /** GET `?lesson=`: the client's passes in a lesson ({@link ClientProgress}). */
  client: (clientId: string) => `/api/challenges/clients/${encodeURIComponent(clientId)}`,
  /** GET `?lesson=`: the same as Server-Sent Events, `event: progress` at every change. */
  clientEvents: (clientId: string) =>
    `/api/challenges/clients/${encodeURIComponent(clientId)}/events`,
  /** PUT `{ roomId, followerId, followerKey }`: count this client for a room it follows. */
  clientRoom: (clientId: string) => `/api/challenges/clients/${encodeURIComponent(clientId)}/room`,
  /** GET: the room's {@link RoomProgress}; DELETE: start the class over. */
  room: (roomId: string) => `/api/challenges/rooms/${encodeURIComponent(roomId)}`,
  /** GET: the same as Server-Sent Events, `event: room` at every change. */
  roomEvents: (roomId: string) => `/api/challenges/rooms/${encodeURIComponent(roomId)}/events`,
} as const;

/** A client's passes in one lesson (what `event: progress` carries too). */
export interface ClientProgress {
  readonly lesson: string;
  readonly passes: readonly TaskPass[];
}

/** What `event: room` carries. */
export type RoomProgressMessage = RoomProgress;

/** What `PUT …/room` answers: the handle the room's instructor sees. */
export interface RoomJoinResponse {
  readonly roomId: string;
  readonly handle: string;
}
