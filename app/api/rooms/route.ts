import { getLesson } from '@/lib/lessons';
import { livePaths, type CreateRoomResponse } from '@/lib/live/protocol';
import { liveHub } from '../live/live-hub';
import { errorResponse, field, readJson, roomResponse } from './room-http';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms `{ lesson, scenario, step }`: opens a follow-me room. The answer carries the
 * room key once; the presenter keeps it (sessionStorage) and sends it as X-Room-Key.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJson(request);
  const lesson = field(body, 'lesson', 100) ?? 'client-credentials';
  if (!getLesson(lesson)) return errorResponse('unknown_lesson', 400);
  const initial = typeof body === 'object' && body !== null ? body : {};
  const result = liveHub().rooms.create(lesson, {
    scenario: field(initial, 'scenario', 64) ?? 'valid',
    step:
      typeof (initial as { step?: unknown }).step === 'number'
        ? (initial as { step: number }).step
        : 0,
  });
  return roomResponse(
    result,
    (room): CreateRoomResponse => ({
      id: room.id,
      key: room.key,
      joinPath: livePaths.follow(room.id),
      snapshot: room.snapshot,
    }),
    201,
  );
}
