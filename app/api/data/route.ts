import { authRouteHandlers } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** GET /api/data: the protected API (lib/oauth/resource-endpoint.ts). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = authRouteHandlers('api');
