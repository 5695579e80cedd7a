/**
 * A room's state as a Server-Sent Events body: `event: hello`, the current state, then every
 * change (`event: state`, id = its version); `event: closed` ends it. Framework-free.
 */
import type { RoomRegistry, SubscribeAs } from './rooms';
import { fail, ok, type RoomMessage, type RoomResult } from './room-state';
import { createSseStream } from './sse';

/** What one room stream serves. */
export interface RoomStreamOptions extends SubscribeAs {
  readonly rooms: RoomRegistry;
  readonly roomId: string;
  readonly signal?: AbortSignal;
  /** Runs when the stream opens; returns what runs when it closes (connection counting). */
  readonly onOpen?: () => () => void;
}

/** The body of a room stream, or why the room refused it (unknown room or follower, a cap). */
export function createRoomStream(
  options: RoomStreamOptions,
): RoomResult<ReadableStream<Uint8Array>> {
  const { rooms, roomId, followerId } = options;
  const first = rooms.state(roomId);
  if (!first.ok) return first;
  let refused: RoomResult<never> | undefined;
  const body = createSseStream({
    ...(options.signal ? { signal: options.signal } : {}),
    start(channel) {
      const onMessage = (message: RoomMessage) => {
        if (message.type === 'state') {
          const { state } = message;
          channel.send({ id: state.version, event: 'state', data: JSON.stringify(state) });
        } else {
          channel.send({ event: 'closed', data: JSON.stringify({ reason: message.reason }) });
          channel.close();
        }
      };
      const subscribed = rooms.subscribe(roomId, onMessage, options);
      if (!subscribed.ok) {
        refused = fail(subscribed.error);
        channel.close();
        return;
      }
      const closed = options.onOpen?.();
      channel.send({
        retry: 2000,
        event: 'hello',
        data: JSON.stringify({ follower: followerId ?? null }),
      });
      const now = rooms.state(roomId);
      if (now.ok)
        channel.send({ id: now.value.version, event: 'state', data: JSON.stringify(now.value) });
      return () => {
        closed?.();
        subscribed.value();
      };
    },
  });
  // start() runs synchronously inside the ReadableStream constructor, so a refusal is known here.
  return refused ?? ok(body);
}
