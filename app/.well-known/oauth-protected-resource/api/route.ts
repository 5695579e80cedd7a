import { serveAuth } from '@/lib/server/auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * Protected resource metadata of the demo API at the RFC 9728 §3.1 location for its identifier
 * `<issuer>/api`. Nothing is served at the bare `/.well-known/oauth-protected-resource`: that URL
 * names the origin, which is not a protected resource here (RFC 9728 §3.3).
 */
function handleGet(request: Request): Promise<Response> {
  return serveAuth('protectedResourceMetadata', request);
}

/** Every method: the handler above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
