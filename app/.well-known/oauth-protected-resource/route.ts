import { serveAuth } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

/** Protected resource metadata of the demo API, RFC 9728. */
export function GET(request: Request): Promise<Response> {
  return serveAuth('protectedResourceMetadata', request);
}
