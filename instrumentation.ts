/**
 * Start-up code (Next.js calls `register` once per server process, before it serves requests):
 * installs the method guard (TRACE and unknown methods answer 405, not 500), checks that the
 * configuration and the signing key load (else it stops with the reason), prints the
 * instructor's sign-in link, the way Jupyter prints its token URL, and hooks SIGTERM and SIGINT: every live
 * stream (feed and rooms) ends with `event: restarting`, so clients reconnect at once, the rooms
 * are written to the data folder, and the process exits within a few seconds.
 */

/** Longest a process waits after SIGTERM or SIGINT before it exits anyway. */
const EXIT_GRACE_MS = 3_000;

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installMethodGuard } = await import('./lib/server/method-guard');
  installMethodGuard();
  const { exitUnlessConfigLoads } = await import('./lib/server/startup-check');
  await exitUnlessConfigLoads(process.env);
  const { exitGracefullyOnSignals } = await import('./lib/live/sse-shutdown');
  exitGracefullyOnSignals(EXIT_GRACE_MS);
  const { announceInstructorLink } = await import('./lib/server/instructor-link');
  await announceInstructorLink(process.env);
}
