import { serveAuth } from '@/lib/server/auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** Authorization server metadata, RFC 8414 (issuer = FLOWLAB_ISSUER or this request’s origin). */
function handleGet(request: Request): Promise<Response> {
  return serveAuth('authorizationServerMetadata', request);
}

/** Every method: the handler above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
