/**
 * The resource server's bearer token check (RFC 6750), shared by `GET /api/data` and the
 * presenter-only resources: finds and verifies the bearer token, checks its scope, and builds the
 * `WWW-Authenticate` challenge that says what was wrong.
 * @see https://www.rfc-editor.org/rfc/rfc6750
 */
import { RESOURCE_METADATA_PATH } from '../protocol/paths';
import { AccessTokenInvalid, verifyAccessToken, type AccessTokenClaims } from './access-token';
import { issuerFor, publicUrl, resourceFor, type Ctx } from './context';
import { descriptionSafe, jsonResponse, OAuthError, quote } from './errors';
import type { Scope } from './scopes';
import { CheckRecorder } from './check-recorder';
import type { CoreRequest, CoreResponse } from './http';

/** `b64token` of RFC 6750 §2.1: the only characters a bearer token may have. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** The RFC 9728 metadata URL for the resource `<issuer>/api`. */
export function resourceMetadataUrl(issuer: string): string {
  return `${issuer}${RESOURCE_METADATA_PATH}`;
}

/**
 * A `WWW-Authenticate: Bearer ...` challenge, with `resource_metadata` (RFC 9728 §5.1).
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function bearerChallenge(
  realm: string,
  issuer: string,
  error?: { code: string; description: string; scope?: string },
): string {
  const parts = [`Bearer realm=${quote(realm)}`];
  if (error) {
    parts.push(
      `error=${quote(error.code)}`,
      `error_description=${quote(descriptionSafe(error.description))}`,
    );
    if (error.scope) parts.push(`scope=${quote(error.scope)}`);
  }
  parts.push(`resource_metadata=${quote(resourceMetadataUrl(issuer))}`);
  return parts.join(', ');
}

function apiError(
  code: 'invalid_request' | 'invalid_token' | 'insufficient_scope',
  description: string,
  status: number,
): OAuthError {
  return new OAuthError(code, description, status);
}

/**
 * An Authorization header read as RFC 6750 §2.1 bearer credentials: none (no header, or another
 * scheme), malformed (and how), or the token.
 */
export type BearerHeader =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'malformed';
      /** `separator`: not one or more spaces after Bearer; `token`: none, or not a b64token. */
      readonly reason: 'separator' | 'token';
      readonly description: string;
    }
  | { readonly kind: 'token'; readonly token: string };

/** Reads `Authorization` as bearer credentials: `"Bearer" 1*SP b64token` (RFC 6750 §2.1). */
export function readBearerHeader(header: string | null): BearerHeader {
  const scheme = header === null ? null : /^(\S+)([\s\S]*)$/.exec(header);
  if (scheme === null || scheme[1]!.toLowerCase() !== 'bearer') return { kind: 'none' };
  const rest = scheme[2]!;
  // a tab or other space is not SP
  if (rest !== '' && !rest.startsWith(' ')) {
    return {
      kind: 'malformed',
      reason: 'separator',
      description: 'After Bearer comes one or more spaces (not a tab), then the token.',
    };
  }
  const token = rest.replace(/^ +/, '');
  if (token === '') {
    return {
      kind: 'malformed',
      reason: 'token',
      description: 'The Authorization header has the Bearer scheme but no token.',
    };
  }
  if (!B64TOKEN.test(token)) {
    return {
      kind: 'malformed',
      reason: 'token',
      description: 'The bearer token has characters a token cannot have (spaces, commas ...).',
    };
  }
  return { kind: 'token', token };
}

/** Finds the bearer token: only the Authorization header is supported (bearer_methods_supported). */
function bearerToken(request: CoreRequest, url: URL, checks: CheckRecorder): string | null {
  const header = request.headers.get('authorization');
  const inQuery = url.searchParams.has('access_token');
  const read = readBearerHeader(header);
  const refuse = (description: string) =>
    checks.fail('bearer-present', apiError('invalid_request', description, 400));
  if (read.kind !== 'none') {
    if (read.kind === 'malformed' && read.reason === 'separator') throw refuse(read.description);
    if (inQuery) {
      throw refuse(
        'The token is sent in two places (Authorization header and access_token query parameter); send it once.',
      );
    }
    if (read.kind === 'malformed') throw refuse(read.description);
    checks.credential = { kind: 'token', value: read.token };
    checks.pass('bearer-present');
    return read.token;
  }
  if (inQuery) {
    const value = url.searchParams.get('access_token') ?? '';
    if (value !== '') checks.credential = { kind: 'token', value };
    throw checks.fail(
      'bearer-present',
      apiError(
        'invalid_request',
        'This API accepts the token only in the Authorization header (Authorization: Bearer <token>), not in the URL.',
        400,
      ),
    );
  }
  checks.note(
    'bearer-present',
    header === null
      ? 'no Authorization header'
      : 'the Authorization header is not a Bearer credential',
  );
  return null;
}

/** The 401 answer to a request without credentials: a bare challenge, no error code (RFC 6750 §3.1). */
export function missingTokenResponse(ctx: Ctx, url: URL): CoreResponse {
  return jsonResponse(
    {
      error_description: 'This resource needs an access token: send Authorization: Bearer <token>.',
    },
    401,
    { 'WWW-Authenticate': bearerChallenge(ctx.realm, issuerFor(ctx, url)) },
  );
}

/** An RFC 6750 error answer, with the challenge (and the `scope` needed, on 403). */
export function bearerErrorResponse(ctx: Ctx, e: OAuthError, url: URL, scope: Scope): CoreResponse {
  const bearer =
    e.code === 'invalid_request' || e.code === 'invalid_token' || e.code === 'insufficient_scope';
  const headers: Record<string, string> = { ...e.headers };
  if (bearer) {
    headers['WWW-Authenticate'] = bearerChallenge(ctx.realm, issuerFor(ctx, url), {
      code: e.code,
      description: e.description,
      ...(e.code === 'insufficient_scope' ? { scope } : {}),
    });
  }
  const body: Record<string, string> = { error: e.code, error_description: e.description };
  if (e.code === 'insufficient_scope') body.scope = scope;
  return jsonResponse(body, e.status, headers);
}

/**
 * The resource server's one token check: bearer token present and well formed, then the token
 * checks of {@link verifyAccessToken}, then `scope`. Returns the claims, or null when the
 * request carries no token; throws the RFC 6750 {@link OAuthError} otherwise.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export async function authorizeBearer(
  ctx: Ctx,
  request: CoreRequest,
  url: URL,
  checks: CheckRecorder,
  scope: Scope,
): Promise<AccessTokenClaims | null> {
  const issuer = issuerFor(ctx, url);
  const token = bearerToken(request, url, checks);
  if (token === null) return null;
  let claims: AccessTokenClaims;
  try {
    claims = await verifyAccessToken(
      token,
      {
        key: ctx.key,
        issuer,
        audience: resourceFor(issuer),
        now: Math.floor(ctx.now() / 1000),
        clockTolerance: ctx.clockTolerance,
        state: ctx.state,
        client: ctx.tokenClient,
      },
      checks,
    );
  } catch (e) {
    if (!(e instanceof AccessTokenInvalid)) throw e;
    throw checks.fail(
      e.check,
      apiError('invalid_token', `The access token is invalid: ${e.detail}.`, 401),
      e.detail,
    );
  }
  if (typeof claims.client_id === 'string') checks.clientId = claims.client_id;
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(scope)) {
    throw checks.fail(
      'scope',
      apiError(
        'insufficient_scope',
        `This resource requires the ${scope} scope, which the token does not grant.`,
        403,
      ),
    );
  }
  checks.pass('scope');
  return claims;
}

/**
 * Guards another protected resource (any method) with the same token check as `/api/data`:
 * null when the request's bearer token is valid and grants `scope`, else the RFC 6750 answer
 * (401 with a bare challenge without a token, 401 `invalid_token`, 403 `insufficient_scope`).
 * Reports no event: the guarded operation is not a request of the lesson.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function requireScope(
  ctx: Ctx,
  request: CoreRequest,
  scope: Scope,
): Promise<CoreResponse | null> {
  const url = publicUrl(request);
  try {
    const claims = await authorizeBearer(ctx, request, url, new CheckRecorder(), scope);
    return claims === null ? missingTokenResponse(ctx, url) : null;
  } catch (e) {
    if (e instanceof OAuthError) return bearerErrorResponse(ctx, e, url, scope);
    throw e;
  }
}
