import { authRouteHandlers } from '@/lib/server/auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** POST /token: the client credentials grant (lib/oauth/token-endpoint.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = authRouteHandlers('token');
