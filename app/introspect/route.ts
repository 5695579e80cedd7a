import { authRouteHandlers } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** POST /introspect: token introspection, RFC 7662 (lib/oauth/token-management.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = authRouteHandlers('introspect');
