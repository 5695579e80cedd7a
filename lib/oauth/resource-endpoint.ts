/**
 * `GET /api/data`, the protected API: the bearer check of `bearer-auth.ts`, then demo data (or an
 * RFC 6750 challenge saying what was wrong).
 * @see https://www.rfc-editor.org/rfc/rfc6750
 */
import type { AccessTokenClaims } from './access-token';
import { authorizeBearer, bearerErrorResponse, missingTokenResponse } from './bearer-auth';
import { handle, requireMethod, type Ctx } from './context';
import { jsonResponse } from './errors';
import { API_DATA_SCOPE } from './scopes';
import type { CoreRequest, CoreResponse } from './http';

/** The demo data the API serves: recognisably "API response data". */
function demoData(claims: AccessTokenClaims, now: number) {
  return {
    // the lesson's step 6 says the API returns "API response data": the body says so itself
    message: 'API response data',
    client_id: claims.client_id,
    scope: claims.scope,
    token_expires_at: new Date(claims.exp * 1000).toISOString(),
    served_at: new Date(now).toISOString(),
    data: [
      { id: 1, name: 'Warehouse temperature', value: 18.5, unit: '°C' },
      { id: 2, name: 'Orders shipped today', value: 42, unit: 'orders' },
      { id: 3, name: 'Open support tickets', value: 7, unit: 'tickets' },
    ],
  };
}

/**
 * Handles `GET /api/data`: {@link authorizeBearer} with the `data:read` scope, then the demo data.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function resourceEndpoint(ctx: Ctx, request: CoreRequest): Promise<CoreResponse> {
  return handle(
    ctx,
    'api',
    request,
    async (checks, url) => {
      requireMethod(checks, request, 'GET');
      const claims = await authorizeBearer(ctx, request, url, checks, API_DATA_SCOPE);
      if (claims === null) return missingTokenResponse(ctx, url);
      return jsonResponse(demoData(claims, ctx.now()));
    },
    (e, url) => bearerErrorResponse(ctx, e, url, API_DATA_SCOPE),
  );
}
