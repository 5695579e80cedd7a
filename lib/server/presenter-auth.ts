/**
 * "Is this request the presenter?" for every presenter-only route: the instructor's access token
 * (scope `live:present`) from `Authorization: Bearer` (scripts) or from the sign-in cookie (the
 * presenter's browser), checked by the same resource-server core that guards `/api/data`.
 * Cookie-authenticated writes must also come from this site (SameSite=Strict plus Origin).
 */
import 'server-only';
import { publicUrl } from '@/lib/oauth/context';
import { parseIssuer } from '@/lib/oauth/config';
import { PRESENTER_SCOPE } from '@/lib/oauth/scopes';
import { getAuthServer } from './auth';

/** The HttpOnly cookie that carries the presenter's access token. */
export const PRESENTER_COOKIE = 'flowlab_presenter';

/** Methods that change nothing: SameSite=Strict alone protects them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of one cookie in a `Cookie` header, or null. */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * Whether a browser sent the request from a FlowLab page: its `Origin` is this site (the origin
 * it reached, or FLOWLAB_ISSUER's); or, where the browser hides the origin (`Origin: null`, as a
 * form post under `Referrer-Policy: no-referrer` gets), `Sec-Fetch-Site: same-origin`.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') {
    return request.headers.get('sec-fetch-site') === 'same-origin';
  }
  const issuer = parseIssuer(process.env.FLOWLAB_ISSUER);
  return (
    origin === publicUrl(request).origin ||
    (issuer !== undefined && origin === new URL(issuer).origin)
  );
}

/**
 * Null when `request` is the presenter's, else the answer to send instead: RFC 6750 401 with
 * `WWW-Authenticate: Bearer` without a token, 401 `invalid_token`, 403 `insufficient_scope`
 * for another scope, or 403 for a cookie-authenticated write from another site.
 * A route calls it in one line: `const refused = await requirePresenter(request); if (refused) return refused;`
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function requirePresenter(request: Request): Promise<Response | null> {
  const server = await getAuthServer();
  const token = request.headers.has('authorization')
    ? null
    : cookieValue(request.headers.get('cookie'), PRESENTER_COOKIE);
  if (token === null) return server.requireScope(request, PRESENTER_SCOPE);
  if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
    return Response.json(
      {
        error: 'cross_site_request',
        error_description:
          'A change signed in by cookie must come from a FlowLab page (its Origin is another site).',
      },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const asBearer = new Request(publicUrl(request), {
    method: request.method === 'HEAD' ? 'HEAD' : 'GET',
    headers: { authorization: `Bearer ${token}` },
  });
  return server.requireScope(asBearer, PRESENTER_SCOPE);
}
