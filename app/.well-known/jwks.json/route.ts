import { serveAuth } from '@/lib/server/auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** The public key(s) that verify access tokens, RFC 7517. */
function handleGet(request: Request): Promise<Response> {
  return serveAuth('jwks', request);
}

/** Every method: the handler above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
