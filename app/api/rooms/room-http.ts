/**
 * Shared helpers of the room routes: room-result to HTTP, bounded JSON bodies, the presenter's
 * key header, and the questions a poll may ask.
 */
import 'server-only';
import { getLesson } from '@/lib/lessons';
import { ROOM_KEY_HEADER, roomErrorStatus } from '@/lib/live/protocol';
import { toPollQuestions, type PollQuestion } from '@/lib/live/polls';
import type { RoomResult } from '@/lib/live/rooms';

/** Largest request body a room route reads. */
const MAX_BODY_BYTES = 4096;

const headers = { 'Cache-Control': 'no-store' };

/** A room result as JSON: the value (mapped) on success, `{ error }` with its status otherwise. */
export function roomResponse<T>(
  result: RoomResult<T>,
  map: (value: T) => unknown = (v) => v,
  status = 200,
): Response {
  if (!result.ok)
    return Response.json(
      { error: result.error },
      { status: roomErrorStatus[result.error], headers },
    );
  return Response.json(map(result.value), { status, headers });
}

export function errorResponse(error: string, status: number): Response {
  return Response.json({ error }, { status, headers });
}

/** The JSON body, or undefined when it is missing, too large or not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return undefined;
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES || text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The presenter's key, from its header. */
export function presenterKey(request: Request): string | null {
  return request.headers.get(ROOM_KEY_HEADER);
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
