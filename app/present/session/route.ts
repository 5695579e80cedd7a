import { handleSessionGet, handleSessionPost } from '@/lib/server/instructor-session';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * GET /present/session?key=...: the printed sign-in link; POST: the sign-in form, and sign-out;
 * 405 with Allow for the rest (lib/server/route-methods.ts).
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: handleSessionGet,
  POST: handleSessionPost,
});
