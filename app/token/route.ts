import { serveAuth } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** POST /token: the client credentials grant (lib/oauth/token-endpoint.ts). */
const handler = (request: Request) => serveAuth('token', request);

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
