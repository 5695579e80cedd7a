import { authRouteHandlers } from '@/lib/server/auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** POST /introspect: token introspection, RFC 7662 (lib/oauth/token-management.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = authRouteHandlers('introspect');
