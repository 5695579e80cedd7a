import { authRouteHandlers } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** POST /revoke: token revocation, RFC 7009 (lib/oauth/token-management.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = authRouteHandlers('revoke');
