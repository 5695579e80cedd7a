import { serveAuth } from '@/lib/server/auth';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** The public key(s) that verify access tokens, RFC 7517. */
export function GET(request: Request): Promise<Response> {
  return serveAuth('jwks', request);
}
