/**
 * Next wiring of the live hub: connects the auth server's process-wide event source to the
 * feed, and resets the demo. Route handlers call these and nothing else.
 */
import 'server-only';
import { attachEventSource, type LiveHub } from '@/lib/live/hub';
import { authEvents, resetDemoState } from '@/lib/server/auth';

/** The process's live hub, fed by every request to /token, /api/data, /introspect, /revoke. */
export function liveHub(): LiveHub {
  return attachEventSource(authEvents);
}

/** Clears revocations and rate-limit counters, then the feed (the presenter's "reset demo"). */
export async function resetDemo(): Promise<void> {
  await resetDemoState();
  await liveHub().feed.clear();
}

/** JSON response that is never cached. */
export function noStoreJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
