import { authRouteHandlers } from '@/lib/server/auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/data: the protected API (lib/oauth/resource-endpoint.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = authRouteHandlers('api');
