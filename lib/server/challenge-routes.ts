/**
 * The Challenges routes' work, one function per operation. A learner's routes need the client's
 * registration access token (only the browser that registered the client has it); a room's
 * need the signed-in instructor. Route files only call these.
 */
import 'server-only';
import type { ClientProgress, RoomJoinResponse } from '@/lib/challenges/protocol';
import { roomProgress, type RoomProgress } from '@/lib/challenges/room-progress';
import { createSnapshotStream } from '@/lib/challenges/stream';
import { SSE_HEADERS } from '@/lib/live/sse';
import { authorizeLearner } from './challenge-auth';
import { challengeStore, challengesOf } from './challenges';
import { liveHub, noStoreJson } from './live-hub';
import { requirePresenter } from './presenter-auth';
import { field, readJson } from './room-http';

/** Challenge streams one process serves at most (learners' pages and presenters' panels). */
export const MAX_CHALLENGE_STREAMS = 2000;

/**
 * Progress streams one registered client holds at most in a process: its learner's Challenges
 * page open in a few tabs. Past it, one learner with curl could otherwise hold every stream the
 * process serves and leave the class's pages without progress.
 */
export const MAX_STREAMS_PER_CLIENT = 4;

const STREAMS = Symbol.for('flowlab.challenge-streams');
const g = globalThis as typeof globalThis & {
  [STREAMS]?: { open: number; byClient: Map<string, number> };
};
const streams = (g[STREAMS] ??= { open: 0, byClient: new Map() });

/** The refusal of one more stream (for `clientId`'s progress), or null when there is room. */
function streamRefusal(clientId?: string): Response | null {
  if (streams.open >= MAX_CHALLENGE_STREAMS) {
    return noStoreJson({ error: 'server_full' }, 503, { 'Retry-After': '5' });
  }
  if (clientId !== undefined && (streams.byClient.get(clientId) ?? 0) >= MAX_STREAMS_PER_CLIENT) {
    return noStoreJson({ error: 'too_many_streams' }, 429, { 'Retry-After': '5' });
  }
  return null;
}

/**
 * Counts a stream that opens (for `clientId`'s progress); returns what uncounts it. Called in the
 * same tick as {@link streamRefusal}, so parallel requests cannot all pass one free place.
 */
function countStream(clientId?: string): () => void {
  streams.open += 1;
  if (clientId !== undefined) {
    streams.byClient.set(clientId, (streams.byClient.get(clientId) ?? 0) + 1);
  }
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    streams.open -= 1;
    if (clientId === undefined) return;
    const left = (streams.byClient.get(clientId) ?? 1) - 1;
    if (left > 0) streams.byClient.set(clientId, left);
    else streams.byClient.delete(clientId);
  };
}

const unavailable = () =>
  noStoreJson({ error: 'temporarily_unavailable' }, 503, { 'Retry-After': '2' });

/** The lesson of `?lesson=`, when it has challenges. */
function lessonOf(request: Request) {
  return challengesOf(new URL(request.url).searchParams.get('lesson') ?? '');
}

async function clientProgress(clientId: string, lesson: string): Promise<ClientProgress> {
  const { passes } = await (await challengeStore()).load(clientId);
  return { lesson, passes: passes.filter((p) => p.lesson === lesson) };
}

/** GET /api/challenges/clients/:id?lesson=: the client's passes (registration token required). */
export async function learnerProgress(request: Request, clientId: string): Promise<Response> {
  const refused = await authorizeLearner(request, clientId);
  if (refused) return refused;
  const set = lessonOf(request);
  if (!set) return noStoreJson({ error: 'unknown_lesson' }, 404);
  try {
    return noStoreJson(await clientProgress(clientId, set.lesson));
  } catch {
    return unavailable();
  }
}

/** GET /api/challenges/clients/:id/events?lesson=: `event: progress` now and at every change. */
export async function learnerEvents(request: Request, clientId: string): Promise<Response> {
  const refused = await authorizeLearner(request, clientId);
  if (refused) return refused;
  const set = lessonOf(request);
  if (!set) return noStoreJson({ error: 'unknown_lesson' }, 404);
  const store = await challengeStore().catch(() => null);
  if (!store) return unavailable();
  const full = streamRefusal(clientId);
  if (full) return full;
  const body = createSnapshotStream({
    store,
    event: 'progress',
    concerns: (m) => m.type !== 'room' && m.clientId === clientId,
    snapshot: () => clientProgress(clientId, set.lesson),
    signal: request.signal,
    onOpen: () => countStream(clientId),
  });
  return new Response(body, { headers: SSE_HEADERS });
}

/**
 * PUT /api/challenges/clients/:id/room `{ roomId, followerId, followerKey }`: counts the client
 * for a room, proven a follower of it by the follower key the room gave it.
 */
export async function joinRoomChallenges(request: Request, clientId: string): Promise<Response> {
  const refused = await authorizeLearner(request, clientId);
  if (refused) return refused;
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const roomId = field(body.value, 'roomId', 100);
  const followerId = field(body.value, 'followerId');
  const followerKey = field(body.value, 'followerKey');
  if (!roomId || !followerId || !followerKey) return noStoreJson({ error: 'not_following' }, 403);
  const seat = await liveHub().rooms.follower(roomId, followerId, followerKey);
  if (!seat.ok) return noStoreJson({ error: 'not_following' }, 403);
  try {
    const member = await (await challengeStore()).join(roomId, clientId);
    if (!member) return noStoreJson({ error: 'room_full' }, 409);
    const joined: RoomJoinResponse = { roomId, handle: member.handle };
    return noStoreJson(joined);
  } catch {
    return unavailable();
  }
}

async function roomSnapshot(roomId: string, lesson: string): Promise<RoomProgress> {
  const set = challengesOf(lesson) ?? { lesson, tasks: [] };
  const store = await challengeStore();
  const members = await store.members(roomId);
  const passes = await store.passesOf(members.map((m) => m.clientId));
  // the members' client ids stay on the server: the presenter sees handles only
  return roomProgress(
    set,
    members.map((m) => ({ handle: m.handle, passes: passes.get(m.clientId) ?? [] })),
  );
}

/** The lesson of an open room, or the 404 answer. */
async function roomLesson(roomId: string): Promise<string | Response> {
  const room = await liveHub().rooms.state(roomId);
  return room.ok ? room.value.lesson : noStoreJson({ error: 'not_found' }, 404);
}

/** GET /api/challenges/rooms/:id: per task, how many of the room's learners passed it. */
export async function roomChallenges(request: Request, roomId: string): Promise<Response> {
  const refused = await requirePresenter(request);
  if (refused) return refused;
  const lesson = await roomLesson(roomId);
  if (lesson instanceof Response) return lesson;
  try {
    return noStoreJson(await roomSnapshot(roomId, lesson));
  } catch {
    return unavailable();
  }
}

/** GET /api/challenges/rooms/:id/events: `event: room` now and at every change. */
export async function roomChallengeEvents(request: Request, roomId: string): Promise<Response> {
  const refused = await requirePresenter(request);
  if (refused) return refused;
  const lesson = await roomLesson(roomId);
  if (lesson instanceof Response) return lesson;
  const store = await challengeStore().catch(() => null);
  if (!store) return unavailable();
  const full = streamRefusal();
  if (full) return full;
  let memberIds = new Set<string>();
  const body = createSnapshotStream({
    store,
    event: 'room',
    concerns: (m) => (m.type === 'room' ? m.roomId === roomId : memberIds.has(m.clientId)),
    snapshot: async () => {
      memberIds = new Set((await store.members(roomId)).map((m) => m.clientId));
      return roomSnapshot(roomId, lesson);
    },
    signal: request.signal,
    onOpen: () => countStream(),
  });
  return new Response(body, { headers: SSE_HEADERS });
}

/** DELETE /api/challenges/rooms/:id: starts the class over (forgets the members' progress). */
export async function resetRoomChallenges(request: Request, roomId: string): Promise<Response> {
  const refused = await requirePresenter(request);
  if (refused) return refused;
  const lesson = await roomLesson(roomId);
  if (lesson instanceof Response) return lesson;
  try {
    await (await challengeStore()).clearRoom(roomId);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return unavailable();
  }
}
