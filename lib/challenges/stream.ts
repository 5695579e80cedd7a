/**
 * The Challenges mode's Server-Sent Events bodies: a snapshot at once, then a fresh snapshot
 * after every change the store tells of that concerns the stream (coalesced), so a page marks a
 * task done as soon as any instance records the pass. Framework-free.
 */
import { createSseStream } from '../live/sse';
import type { ChallengeMessage, ChallengeStore } from '../state/challenge-store';

/** Changes within this many milliseconds share one snapshot. */
export const COALESCE_MS = 50;

/** What one snapshot stream serves. */
export interface SnapshotStreamOptions<T> {
  readonly store: ChallengeStore;
  /** The SSE event name of each snapshot. */
  readonly event: string;
  /** Whether a change concerns this stream (may look at the last snapshot). */
  readonly concerns: (message: ChallengeMessage, last: T | undefined) => boolean;
  readonly snapshot: () => Promise<T>;
  readonly signal?: AbortSignal;
  /** Runs when the stream opens; returns what runs when it closes (connection counting). */
  readonly onOpen?: () => () => void;
}

/** A stream of snapshots: subscribed first, then the first snapshot, then one per change. */
export function createSnapshotStream<T>(
  options: SnapshotStreamOptions<T>,
): ReadableStream<Uint8Array> {
  return createSseStream({
    ...(options.signal ? { signal: options.signal } : {}),
    start(channel) {
      const closed = options.onOpen?.();
      let last: T | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let unsubscribe: (() => void) | undefined;
      let ended = false;
      const send = async () => {
        timer = undefined;
        try {
          last = await options.snapshot();
          channel.send({ event: options.event, data: JSON.stringify(last) });
        } catch {
          channel.close(); // store unreachable: the page reconnects
        }
      };
      const schedule = () => {
        timer ??= setTimeout(() => void send(), COALESCE_MS);
      };
      channel.send({ retry: 2000, event: 'hello', data: '{}' });
      options.store
        .subscribe((message) => {
          if (options.concerns(message, last)) schedule();
        })
        .then(
          (remove) => {
            if (ended) remove();
            else unsubscribe = remove;
            return send();
          },
          () => channel.close(),
        );
      return () => {
        ended = true;
        if (timer !== undefined) clearTimeout(timer);
        unsubscribe?.();
        closed?.();
      };
    },
  });
}
