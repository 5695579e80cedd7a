import { handleSessionGet, handleSessionPost } from '@/lib/server/instructor-session';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /present/session?key=...: the printed sign-in link. */
export const GET = handleSessionGet;

/** POST /present/session: the sign-in form, and sign-out. */
export const POST = handleSessionPost;
