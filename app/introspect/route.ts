import { serveAuth } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** POST /introspect: token introspection, RFC 7662 (lib/oauth/token-management.ts). */
const handler = (request: Request) => serveAuth('introspect', request);

// Every method reaches the core, which answers anything but POST with 405 and Allow: POST.
export {
  handler as GET,
  handler as POST,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
  handler as HEAD,
  handler as OPTIONS,
};
