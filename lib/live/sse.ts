/**
 * Server-Sent Events on web-standard streams, with no framework: message encoding, a stream that
 * sends heartbeats, cleans up when the client goes away, and bounds what it queues for a slow
 * reader.
 *
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html
 */

import { trackStream } from './sse-shutdown';

/** One Server-Sent Events message: id, event name, data and retry. */
export interface SseMessage {
  /** Becomes the client's `lastEventId`, sent back as `Last-Event-ID` on reconnect. */
  readonly id?: number | string;
  /** The event name (`addEventListener(name, ...)`); `message` when absent. */
  readonly event?: string;
  readonly data: string;
  /** Reconnection delay the client should use, in milliseconds. */
  readonly retry?: number;
}

/** Response headers every SSE route sends. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store, no-transform',
  Connection: 'keep-alive',
  // Stops proxies such as nginx from buffering the stream.
  'X-Accel-Buffering': 'no',
};

/** Default heartbeat interval: under the 30-60 s idle timeouts of common proxies. */
export const HEARTBEAT_MS = 15_000;

const noNewlines = (s: string) => s.replace(/[\r\n]+/g, ' ');

/**
 * Encodes one message. Multi-line data becomes several `data:` lines, which the client joins
 * back with newlines; ids and event names cannot contain line breaks.
 */
export function encodeSse(message: SseMessage): string {
  let out = '';
  if (message.event !== undefined) out += `event: ${noNewlines(message.event)}\n`;
  if (message.id !== undefined) out += `id: ${noNewlines(String(message.id))}\n`;
  if (message.retry !== undefined) out += `retry: ${Math.max(0, Math.floor(message.retry))}\n`;
  for (const line of message.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** Encodes a comment line: ignored by clients, keeps the connection alive through proxies. */
export function encodeComment(text: string): string {
  return `: ${noNewlines(text)}\n\n`;
}

/**
 * Parses the `Last-Event-ID` a reconnecting client sends (or a `since` query value): a
 * non-negative integer, else 0 (send the whole buffer).
 */
export function parseLastEventId(value: string | null | undefined): number {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return 0;
  return Number(value.trim());
}

/** The writing end of an SSE stream: send messages or comments, then close. */
export interface SseChannel {
  /** Queues a message; false when the stream is already closed. */
  send(message: SseMessage): boolean;
  comment(text: string): boolean;
  /** Ends the stream and runs the cleanup. */
  close(): void;
  readonly closed: boolean;
}

/** Options of an SSE stream: abort signal, heartbeat interval and backpressure limit. */
export interface SseStreamOptions {
  /** The request's abort signal: the stream closes and cleans up when the client leaves. */
  readonly signal?: AbortSignal;
  readonly heartbeatMs?: number;
  /**
   * How many unread messages a slow client may have queued before the stream is closed (it will
   * reconnect and resume from its `Last-Event-ID`, so nothing is lost that is still buffered).
   */
  readonly maxQueued?: number;
  /** Called once when the stream opens; returns a cleanup run exactly once when it closes. */
  readonly start: (channel: SseChannel) => (() => void) | void;
}

/** Creates the body of an SSE response. */
export function createSseStream(options: SseStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const maxQueued = options.maxQueued ?? 1000;
  let closed = false;
  let cleanup: (() => void) | void;
  let timer: ReturnType<typeof setInterval> | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  let untrack: (() => void) | false = false;

  const finish = (closeController: boolean) => {
    if (closed) return;
    closed = true;
    if (timer !== undefined) clearInterval(timer);
    if (untrack) untrack();
    options.signal?.removeEventListener('abort', onAbort);
    try {
      cleanup?.();
    } finally {
      if (closeController) {
        try {
          controllerRef?.close();
        } catch {
          // Already closed or errored by the runtime.
        }
      }
    }
  };
  const onAbort = () => finish(true);

  const write = (chunk: string): boolean => {
    const controller = controllerRef;
    if (closed || !controller) return false;
    if (controller.desiredSize !== null && controller.desiredSize < -maxQueued) {
      finish(true);
      return false;
    }
    try {
      controller.enqueue(encoder.encode(chunk));
      return true;
    } catch {
      finish(false);
      return false;
    }
  };

  const channel: SseChannel = {
    send: (message) => write(encodeSse(message)),
    comment: (text) => write(encodeComment(text)),
    close: () => finish(true),
    get closed() {
      return closed;
    },
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        untrack = options.signal?.aborted ? false : trackStream(channel);
        if (!untrack) {
          // The client left already, or the process is ending: no stream to serve.
          closed = true;
          controller.close();
          return;
        }
        options.signal?.addEventListener('abort', onAbort, { once: true });
        timer = setInterval(() => channel.comment('heartbeat'), heartbeatMs);
        (timer as { unref?: () => void }).unref?.();
        const result = options.start(channel);
        if (closed) {
          // start() closed the channel itself: run its cleanup now.
          result?.();
        } else {
          cleanup = result;
        }
      },
      cancel() {
        finish(false);
      },
    },
    new CountQueuingStrategy({ highWaterMark: 16 }),
  );
}
