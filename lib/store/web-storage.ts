/**
 * The browser's `localStorage` or `sessionStorage`, or undefined where there is none: on the
 * server, or where the browser refuses it (storage disabled, some private modes), whose getter
 * throws a SecurityError instead of returning. Every read and write still needs its own
 * try/catch: a full storage throws on `setItem`.
 */
export function webStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[kind];
  } catch {
    return undefined;
  }
}
