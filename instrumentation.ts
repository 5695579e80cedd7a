/**
 * Start-up code (Next.js calls `register` once per server process, before it serves requests):
 * installs the method guard (TRACE and unknown methods answer 405, not 500), then prints the
 * instructor's sign-in link, the way Jupyter prints its token URL.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installMethodGuard } = await import('./lib/server/method-guard');
  installMethodGuard();
  const { announceInstructorLink } = await import('./lib/server/instructor-link');
  await announceInstructorLink(process.env);
}
