import { roomErrorStatus } from '@/lib/live/protocol';
import type { RoomMessage } from '@/lib/live/rooms';
import { SSE_HEADERS, createSseStream } from '@/lib/live/sse';
import { liveHub } from '../../../live/live-hub';
import { roomResponse } from '../../room-http';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/:id/events[?follower=<id>]: the room's state as Server-Sent Events. Every
 * change is a full snapshot (`event: state`, id = its version); `event: closed` ends the stream.
 * With a follower id, the open connection is what counts the follower as present.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const follower = new URL(request.url).searchParams.get('follower')?.slice(0, 100) || undefined;
  const hub = liveHub();
  const first = hub.rooms.snapshot(id);
  if (!first.ok) return roomResponse(first);

  let refused: keyof typeof roomErrorStatus | undefined;
  const body = createSseStream({
    signal: request.signal,
    start(channel) {
      const onMessage = (message: RoomMessage) => {
        if (message.type === 'state') {
          channel.send({
            id: message.snapshot.version,
            event: 'state',
            data: JSON.stringify(message.snapshot),
          });
        } else {
          channel.send({ event: 'closed', data: JSON.stringify({ reason: message.reason }) });
          channel.close();
        }
      };
      const subscribed = hub.rooms.subscribe(id, onMessage, follower);
      if (!subscribed.ok) {
        refused = subscribed.error;
        channel.close();
        return;
      }
      hub.connections.rooms += 1;
      channel.send({
        retry: 2000,
        event: 'hello',
        data: JSON.stringify({ follower: follower ?? null }),
      });
      const now = hub.rooms.snapshot(id);
      if (now.ok)
        channel.send({ id: now.value.version, event: 'state', data: JSON.stringify(now.value) });
      return () => {
        hub.connections.rooms -= 1;
        subscribed.value();
      };
    },
  });
  // start() runs synchronously inside the ReadableStream constructor, so a refusal is known here.
  if (refused) return roomResponse({ ok: false, error: refused });
  return new Response(body, { headers: SSE_HEADERS });
}
