/**
 * The room routes' work, one function per operation: each checks who may do it (the room key
 * for the presenter, the follower key for a follower) before reading any body, then acts and
 * maps the result to HTTP. Route files only call these.
 */
import 'server-only';
import { getLesson } from '@/lib/lessons';
import { countConnection } from '@/lib/live/hub';
import { joinQrSvg } from '@/lib/live/join-qr';
import { livePaths, type CreateRoomResponse } from '@/lib/live/protocol';
import type { FollowerActions, PresenterActions } from '@/lib/live/room-store';
import { fail, type RoomResult } from '@/lib/live/room-state';
import { createRoomStream } from '@/lib/live/room-stream';
import { SSE_HEADERS } from '@/lib/live/sse';
import { publicUrl } from '@/lib/oauth/context';
import { callerAddress } from './caller-address';
import { liveHub } from './live-hub';
import {
  field,
  pollQuestion,
  presenterCookie,
  presenterCookieHeader,
  presenterKey,
  readJson,
  requestErrorResponse,
  roomErrorResponse,
  roomResponse,
} from './room-http';

/** POST /api/rooms `{ lesson, scenario, step }`: opens a room; the key is answered once. */
export async function openRoom(request: Request): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const lesson = field(body.value, 'lesson', 100) ?? 'client-credentials';
  if (!getLesson(lesson)) return requestErrorResponse('unknown_lesson', 400);
  const initial = (typeof body.value === 'object' && body.value !== null ? body.value : {}) as {
    step?: unknown;
  };
  const result = await liveHub().rooms.create(lesson, {
    scenario: field(initial, 'scenario', 64) ?? 'valid',
    step: typeof initial.step === 'number' ? initial.step : 0,
  });
  if (!result.ok) return roomErrorResponse(result.error);
  const room = result.value;
  const created: CreateRoomResponse = {
    id: room.id,
    key: room.key,
    joinPath: livePaths.follow(room.id),
    state: room.state,
  };
  return roomResponse(result, () => created, 201, {
    'Set-Cookie': presenterCookieHeader(request, room.id, room.key),
  });
}

/** GET /api/rooms/:id: the room's public state. */
export async function roomState(id: string): Promise<Response> {
  return roomResponse(await liveHub().rooms.state(id));
}

/** Chains an async room operation onto a result: `f` runs only on success. */
async function then<T, U>(
  result: RoomResult<T>,
  f: (value: T) => Promise<RoomResult<U>>,
): Promise<RoomResult<U>> {
  return result.ok ? f(result.value) : result;
}

/** The presenter's controls of a room, for the holder of its key (X-Room-Key). */
export function asPresenter(request: Request, id: string): Promise<RoomResult<PresenterActions>> {
  return liveHub().rooms.presenter(id, presenterKey(request));
}

/** A presenter action without a body (close, reveal, take the poll down). */
export async function presenterAction<T>(
  request: Request,
  id: string,
  act: (room: PresenterActions) => Promise<RoomResult<T>>,
  map?: (value: T) => unknown,
): Promise<Response> {
  return roomResponse(await then(await asPresenter(request, id), act), map);
}

/** A presenter action with a JSON body: the key is checked before the body is read. */
export async function presenterBodyAction<T>(
  request: Request,
  id: string,
  act: (room: PresenterActions, body: unknown) => Promise<RoomResult<T>>,
): Promise<Response> {
  const room = await asPresenter(request, id);
  if (!room.ok) return roomErrorResponse(room.error);
  const body = await readJson(request);
  if (!body.ok) return body.response;
  return roomResponse(await act(room.value, body.value));
}

/** POST /api/rooms/:id/poll `{ questionId }`: opens a poll on one of the lesson's questions. */
export function openPoll(request: Request, id: string): Promise<Response> {
  return presenterBodyAction(request, id, async (room, body) => {
    const lesson = await liveHub().rooms.state(id);
    const questionId = field(body, 'questionId', 100);
    const question =
      lesson.ok && questionId ? pollQuestion(lesson.value.lesson, questionId) : undefined;
    return question ? room.openPoll(question) : fail('unknown_question');
  });
}

/** PUT /api/rooms/:id/joining `{ open }`: the presenter opens or closes joining. */
export function setJoining(request: Request, id: string): Promise<Response> {
  return presenterBodyAction(request, id, async (room, body) => {
    const open = (body as { open?: unknown } | null)?.open;
    return typeof open === 'boolean' ? room.setJoining(open) : fail('invalid_state');
  });
}

/**
 * POST /api/rooms/:id/followers `{}`: a learner joins; answers `{ followerId, followerKey }`.
 * The room store counts each caller's seats (`RoomLimits.joinsPerCaller`).
 */
export async function joinRoom(request: Request, id: string): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const caller = callerAddress(request);
  const rooms = liveHub().rooms;
  const joined = await rooms.join(id, caller);
  if (!joined.ok)
    return roomErrorResponse(
      joined.error,
      joined.error === 'too_many_joins' ? await rooms.joinRetryAfter(id, caller).catch(() => 1) : 0,
    );
  return roomResponse(joined, (v) => v, 201);
}

/** A follower's seat, for the holder of its key. */
function asFollower(
  id: string,
  followerId: string,
  followerKey: string,
): Promise<RoomResult<FollowerActions>> {
  return liveHub().rooms.follower(id, followerId, followerKey);
}

/** A follower's action with a body holding `{ followerId, followerKey, ... }`. */
async function followerAction(
  request: Request,
  act: (body: unknown, followerId: string, followerKey: string) => Promise<Response>,
): Promise<Response> {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const followerId = field(body.value, 'followerId');
  const followerKey = field(body.value, 'followerKey');
  if (!followerId || !followerKey) return roomErrorResponse('unknown_follower');
  return act(body.value, followerId, followerKey);
}

/** DELETE /api/rooms/:id/followers `{ followerId, followerKey }`: a learner leaves for good. */
export function leaveRoom(request: Request, id: string): Promise<Response> {
  return followerAction(request, async (_body, followerId, followerKey) =>
    roomResponse(
      await then(await asFollower(id, followerId, followerKey), (seat) => seat.leave()),
      () => ({ left: true }),
    ),
  );
}

/** PUT /api/rooms/:id/poll/vote `{ followerId, followerKey, pollId, optionId }`. */
export function vote(request: Request, id: string): Promise<Response> {
  return followerAction(request, async (body, followerId, followerKey) => {
    const pollId = field(body, 'pollId');
    const optionId = field(body, 'optionId', 50);
    if (!pollId || !optionId) return requestErrorResponse('invalid_vote', 400);
    return roomResponse(
      await then(await asFollower(id, followerId, followerKey), (s) => s.vote(pollId, optionId)),
      () => ({ voted: optionId }),
    );
  });
}

/** GET /api/rooms/:id/events[?follower=<id>]: the room's state as Server-Sent Events. */
export async function roomEvents(request: Request, id: string): Promise<Response> {
  const hub = liveHub();
  const stream = await createRoomStream({
    rooms: hub.rooms,
    roomId: id,
    followerId: new URL(request.url).searchParams.get('follower')?.slice(0, 100) || undefined,
    presenterKey: presenterCookie(request),
    signal: request.signal,
    onOpen: () => countConnection(hub, 'rooms'),
  });
  if (!stream.ok) return roomErrorResponse(stream.error);
  return new Response(stream.value, { headers: SSE_HEADERS });
}

/** GET /api/rooms/:id/qr: the join link (on the host the presenter used) as an SVG QR code. */
export async function roomQr(request: Request, id: string): Promise<Response> {
  const room = await liveHub().rooms.state(id);
  if (!room.ok) return roomErrorResponse(room.error);
  // the host the presenter reached (a LAN address for the room), not the one Next listens on
  const joinUrl = new URL(livePaths.follow(room.value.id), publicUrl(request)).toString();
  return new Response(await joinQrSvg(joinUrl), {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' },
  });
}
