import { registerRouteHandlers } from '@/lib/server/register';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** POST /register: a learner registers a short-lived client (lib/oauth/registration-endpoint.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = registerRouteHandlers();
