import { authRouteHandlers } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** POST /token: the client credentials grant (lib/oauth/token-endpoint.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = authRouteHandlers('token');
