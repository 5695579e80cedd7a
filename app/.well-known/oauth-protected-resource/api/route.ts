import { serveAuth } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** The same document at the RFC 9728 §3.1 location for the resource identifier `<issuer>/api`. */
export function GET(request: Request): Promise<Response> {
  return serveAuth('protectedResourceMetadata', request);
}
