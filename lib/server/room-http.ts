/**
 * Shared helpers of the room routes: a room result or refusal as HTTP, bounded JSON bodies, the
 * presenter's key (header, and the cookie the presenter's stream carries), body fields, and the
 * questions a poll may ask.
 */
import 'server-only';
import { getLesson } from '@/lib/lessons';
import { bodyErrorStatus, readJsonBody } from '@/lib/live/json-body';
import { toPollQuestions, type PollQuestion } from '@/lib/live/polls';
import { ROOM_KEY_COOKIE, ROOM_KEY_HEADER, livePaths, roomErrorStatus } from '@/lib/live/protocol';
import type { RoomError, RoomResult } from '@/lib/live/room-state';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** What a client is told to wait while the shared store is unreachable (about one reconnect). */
const UNAVAILABLE_RETRY_SECONDS = 2;

/** A refused room operation as `{ error }` with its status (and `Retry-After` when it helps). */
export function roomErrorResponse(error: RoomError, retryAfter = 0): Response {
  const status = roomErrorStatus[error];
  const wait =
    error === 'temporarily_unavailable'
      ? UNAVAILABLE_RETRY_SECONDS
      : status === 429 || status === 503
        ? Math.max(1, retryAfter || 5)
        : 0;
  return Response.json(
    { error },
    { status, headers: { ...NO_STORE, ...(wait ? { 'Retry-After': String(wait) } : {}) } },
  );
}

/** A room result as JSON: the value (mapped) on success, `{ error }` with its status otherwise. */
export function roomResponse<T>(
  result: RoomResult<T>,
  map: (value: T) => unknown = (v) => v,
  status = 200,
  headers: HeadersInit = {},
): Response {
  if (!result.ok) return roomErrorResponse(result.error);
  return Response.json(map(result.value), { status, headers: { ...NO_STORE, ...headers } });
}

/** A bad request that is not a room error: `{ error }` with the status. */
export function requestErrorResponse(error: string, status: number): Response {
  return Response.json({ error }, { status, headers: NO_STORE });
}

/** The JSON object body, or the response refusing it (415 not JSON, 413 too large, 400 malformed). */
export async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok)
    return { ok: false, response: requestErrorResponse(body.error, bodyErrorStatus[body.error]) };
  // Every room body is an object: a bare string, number or array is as malformed as bad JSON.
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))
    return { ok: false, response: requestErrorResponse('invalid_json', 400) };
  return body;
}

/** The presenter's key, from its header. */
export function presenterKey(request: Request): string | null {
  return request.headers.get(ROOM_KEY_HEADER);
}

/** The presenter's key from the cookie set at creation (only streams use it). */
export function presenterCookie(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ROOM_KEY_COOKIE) return value.join('=') || null;
  }
  return null;
}

/** The Set-Cookie that lets the presenter's own stream of a room be recognised. */
export function presenterCookieHeader(request: Request, roomId: string, key: string): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return `${ROOM_KEY_COOKIE}=${key}; Path=${livePaths.room(roomId)}; HttpOnly; SameSite=Strict; Max-Age=7200${secure}`;
}

/** A string field of a parsed body, bounded in length. */
export function field(body: unknown, name: string, max = 200): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

/** The question a poll may ask in this lesson: one of its practice questions. */
export function pollQuestion(lessonSlug: string, questionId: string): PollQuestion | undefined {
  const lesson = getLesson(lessonSlug);
  return lesson ? toPollQuestions(lesson.practice).find((q) => q.id === questionId) : undefined;
}
