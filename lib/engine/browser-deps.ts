import type { EngineDeps } from './http';

/**
 * The engine's dependencies in a browser: this page's own origin, the global fetch, the real
 * clock and real timers. One factory for every view that runs the engine (the stepper, the
 * visual quiz).
 */
export function browserDeps(): Omit<EngineDeps, 'onWait'> {
  return {
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  };
}
