/**
 * The end of a process: every open Server-Sent Events stream (feed and rooms) ends with
 * `event: restarting`, so its client reconnects at once (to the next process or another
 * instance), then the hooks that keep state run (the data folder's rooms file). Kept on
 * `globalThis`: the App Router and `instrumentation.ts` may each load this module. Framework-free.
 */
import type { SseChannel } from './sse';

/** What a client waits before reconnecting after `event: restarting`, in milliseconds. */
export const RESTART_RETRY_MS = 250;

interface Registry {
  readonly open: Set<SseChannel>;
  readonly hooks: Set<() => void>;
  down: boolean;
}

const KEY = Symbol.for('flowlab.live.shutdown');

function registry(): Registry {
  const g = globalThis as typeof globalThis & { [KEY]?: Registry };
  return (g[KEY] ??= { open: new Set(), hooks: new Set(), down: false });
}

/** Counts an open stream until the returned function runs; false once the process is ending. */
export function trackStream(channel: SseChannel): (() => void) | false {
  const r = registry();
  if (r.down) return false;
  r.open.add(channel);
  return () => {
    r.open.delete(channel);
  };
}

/** Runs `hook` (synchronously) when the process ends, after every stream was ended. */
export function onShutdown(hook: () => void): () => void {
  const r = registry();
  r.hooks.add(hook);
  return () => {
    r.hooks.delete(hook);
  };
}

/** Streams open right now (diagnostics and tests). */
export function openStreamCount(): number {
  return registry().open.size;
}

/**
 * Ends every stream with `event: restarting` (new streams are refused from here on), then runs
 * the shutdown hooks; answers how many streams it ended.
 */
export function shutdownLive(): number {
  const r = registry();
  r.down = true;
  const streams = [...r.open];
  for (const channel of streams) {
    channel.send({
      retry: RESTART_RETRY_MS,
      event: 'restarting',
      data: JSON.stringify({ reason: 'server restarting' }),
    });
    channel.close();
  }
  for (const hook of [...r.hooks]) {
    try {
      hook();
    } catch (e) {
      console.error(`FlowLab: a shutdown step failed: ${(e as Error).message}`);
    }
  }
  return streams.length;
}

/**
 * On SIGTERM or SIGINT (Ctrl-C in the terminal that runs `npm start`): {@link shutdownLive}, then
 * exit after `graceMs` at the latest (the server's own handler, Next's, exits sooner once its
 * requests are done). Both signals end streams the same way, so a room resumes after either.
 */
export function exitGracefullyOnSignals(graceMs: number): void {
  let handled = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (handled) return;
      handled = true;
      const ended = shutdownLive();
      console.log(`FlowLab: ${signal}: ended ${ended} live stream(s) with "server restarting".`);
      setTimeout(() => process.exit(0), graceMs).unref();
    });
  }
}

/** Lets streams open again (tests that shut down and go on). */
export function resetShutdown(): void {
  registry().down = false;
}
