/**
 * Runs before every route: a path with a malformed percent-escape (`/api/rooms/%zz`) is `400`
 * here, before Next's own routing fails to decode it and answers 500. The answer is JSON, never
 * cached, and carries the security headers of `next.config.ts` like every other response.
 * It also sends the security headers of the embeddable pages (`/embed/*`), which `next.config.ts`
 * leaves to it so that `FLOWLAB_EMBED_ORIGINS` is read when the server runs, not when it is built.
 * (Unsupported methods never get this far: `lib/server/method-guard.ts` answers them.)
 */
import { NextResponse, type NextRequest } from 'next/server';
import { isEmbedPath } from './lib/server/embed-path';
import { embedSecurityHeadersOrStrict } from './lib/server/response-headers';

/** Whether every percent-escape of a raw path decodes (as UTF-8). */
export function hasValidEscapes(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}

const dev = process.env.NODE_ENV !== 'production';
let cached: {
  readonly value: string | undefined;
  readonly headers: Record<string, string>;
} | null = null;

/** The embeds' headers for the current `FLOWLAB_EMBED_ORIGINS`, computed (and a bad value reported) once per value. */
function embedHeaders(): Record<string, string> {
  const value = process.env.FLOWLAB_EMBED_ORIGINS;
  if (cached && cached.value === value) return cached.headers;
  const headers = embedSecurityHeadersOrStrict(process.env, dev, console.error);
  cached = { value, headers };
  return headers;
}

/** The proxy: refuses a malformed path, adds the embeds' headers, passes everything else on. */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = new URL(request.url);
  if (!hasValidEscapes(pathname)) {
    return NextResponse.json(
      { error: 'invalid_request', error_description: 'The path has a malformed percent-escape.' },
      { status: 400, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  if (!isEmbedPath(pathname)) return NextResponse.next();
  return NextResponse.next({ headers: embedHeaders() });
}

/** The proxy runs on every path except Next's static files and image optimizer. */
export const config = {
  matcher: '/((?!_next/static|_next/image).*)',
};
