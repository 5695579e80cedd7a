/**
 * A room's state as a Server-Sent Events body: `event: hello`, the current state, then every
 * change (`event: state`, id = its version); `event: closed` ends it, and `event: restarting`
 * when the process ends (the client reconnects and the room goes on). Framework-free.
 */
import type { SubscribeAs } from './rooms';
import type { RoomStore } from './room-store';
import { ok, type RoomMessage, type RoomResult, type RoomState } from './room-state';
import { createSseStream, type SseChannel } from './sse';

/** What one room stream serves. */
export interface RoomStreamOptions extends SubscribeAs {
  readonly rooms: RoomStore;
  readonly roomId: string;
  readonly signal?: AbortSignal;
  /** Runs when the stream opens; returns what runs when it closes (connection counting). */
  readonly onOpen?: () => () => void;
}

/** Each state is encoded once, however many streams of the room it goes to. */
const encoded = new WeakMap<RoomState, string>();

function json(state: RoomState): string {
  let text = encoded.get(state);
  if (text === undefined) encoded.set(state, (text = JSON.stringify(state)));
  return text;
}

function send(channel: SseChannel, message: RoomMessage): void {
  if (message.type === 'state') {
    const { state } = message;
    channel.send({ id: state.version, event: 'state', data: json(state) });
  } else {
    channel.send({ event: 'closed', data: JSON.stringify({ reason: message.reason }) });
    channel.close();
  }
}

/** The body of a room stream, or why the room refused it (unknown room or follower, a cap). */
export async function createRoomStream(
  options: RoomStreamOptions,
): Promise<RoomResult<ReadableStream<Uint8Array>>> {
  const { rooms, roomId, followerId } = options;
  let channel: SseChannel | undefined;
  const early: RoomMessage[] = [];
  const subscribed = await rooms.subscribe(
    roomId,
    (message) => (channel ? send(channel, message) : early.push(message)),
    options,
  );
  if (!subscribed.ok) return subscribed;
  const first = await rooms.state(roomId);
  if (!first.ok) {
    subscribed.value();
    return first;
  }
  let started = false;
  const body = createSseStream({
    ...(options.signal ? { signal: options.signal } : {}),
    start(ch) {
      started = true;
      channel = ch;
      const closed = options.onOpen?.();
      ch.send({
        retry: 2000,
        event: 'hello',
        data: JSON.stringify({ follower: followerId ?? null }),
      });
      send(ch, { type: 'state', state: first.value });
      for (const message of early.splice(0)) send(ch, message);
      return () => {
        closed?.();
        subscribed.value();
      };
    },
  });
  // start() runs inside the constructor, unless the client left or the process is ending.
  if (!started) subscribed.value();
  return ok(body);
}
