import { feedResponse } from '@/lib/server/live-hub';

export const dynamic = 'force-dynamic';

/**
 * GET /api/live/feed: the live request feed as Server-Sent Events (`event: request`, id = the
 * feed's sequence number). `?client=abc` filters by client. A reconnecting client sends
 * `Last-Event-ID` (or `?since=<id>`) and receives every event after it still in the buffer.
 */
export function GET(request: Request): Response {
  return feedResponse(request);
}
