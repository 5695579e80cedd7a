import { serveAuth } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** GET /api/data: the protected API (lib/oauth/resource-endpoint.ts). */
const handler = (request: Request) => serveAuth('api', request);

// Every method reaches the core, which answers anything but GET with 405 and Allow: GET.
export {
  handler as GET,
  handler as POST,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
  handler as HEAD,
  handler as OPTIONS,
};
