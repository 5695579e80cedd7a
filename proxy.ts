/**
 * Runs before every route: a path with a malformed percent-escape (`/api/rooms/%zz`) is `400`
 * here, before Next's own routing fails to decode it and answers 500. The answer is JSON, never
 * cached, and carries the security headers of `next.config.js` like every other response.
 * (Unsupported methods never get this far: `lib/server/method-guard.ts` answers them.)
 */
import { NextResponse, type NextRequest } from 'next/server';

/** Whether every percent-escape of a raw path decodes (as UTF-8). */
export function hasValidEscapes(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}

/** The proxy: refuses a malformed path, passes everything else on untouched. */
export function proxy(request: NextRequest): NextResponse {
  if (hasValidEscapes(new URL(request.url).pathname)) return NextResponse.next();
  return NextResponse.json(
    { error: 'invalid_request', error_description: 'The path has a malformed percent-escape.' },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** The proxy runs on every path except Next's static files and image optimizer. */
export const config = {
  matcher: '/((?!_next/static|_next/image).*)',
};
