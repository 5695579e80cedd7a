import { serveAuth } from '@/lib/server/auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** Authorization server metadata, RFC 8414 (issuer = FLOWLAB_ISSUER or this request’s origin). */
export function GET(request: Request): Promise<Response> {
  return serveAuth('authorizationServerMetadata', request);
}
