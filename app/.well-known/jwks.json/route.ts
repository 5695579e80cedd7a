import { serveAuth } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** The public key(s) that verify access tokens, RFC 7517. */
export function GET(request: Request): Promise<Response> {
  return serveAuth('jwks', request);
}
