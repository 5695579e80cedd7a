/**
 * `POST /introspect` (RFC 7662) and `POST /revoke` (RFC 7009). Both authenticate the calling
 * client exactly as the token endpoint does.
 */
import { AccessTokenInvalid, verifyAccessToken, type AccessTokenClaims } from './access-token';
import { authenticateClient } from './client-auth';
import { handle, issuerFor, requireMethod, resourceFor, type Ctx } from './context';
import { hasPublishedSecret } from './demo-clients';
import { jsonResponse, NO_STORE, OAuthError } from './errors';
import { readFormRequest } from './token-endpoint';
import type { CheckRecorder } from './check-recorder';
import type { CoreRequest, CoreResponse } from './http';

async function checkToken(
  ctx: Ctx,
  url: URL,
  token: string,
  checks: CheckRecorder,
): Promise<AccessTokenClaims | null> {
  const issuer = issuerFor(ctx, url);
  const callerId = checks.clientId;
  try {
    return await verifyAccessToken(
      token,
      {
        key: ctx.key,
        issuer,
        audience: resourceFor(issuer),
        now: Math.floor(ctx.now() / 1000),
        // the API's tolerance: a token is active here exactly while the API would accept it
        clockTolerance: ctx.clockTolerance,
        state: ctx.state,
        client: ctx.tokenClient,
      },
      checks,
    );
  } catch (e) {
    if (!(e instanceof AccessTokenInvalid)) throw e;
    checks.note(e.check, e.detail);
    return null;
  } finally {
    checks.clientId = callerId; // the event names the calling client, not the token's
  }
}

/**
 * Introspection: an authenticated client asks whether a token is active. Unknown, expired,
 * revoked tokens are `{"active": false}` and nothing more; active ones show their claims. A client
 * may introspect its own tokens; only a client registered as a resource server (`introspectAny`)
 * may introspect any, so no client can scan for other clients' tokens (another client's token is
 * `{"active": false}` too).
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-4
 */
export function introspectionEndpoint(ctx: Ctx, request: CoreRequest): Promise<CoreResponse> {
  return handle(ctx, 'introspect', request, async (checks, url) => {
    requireMethod(checks, request, 'POST');
    const params = await readFormRequest(request, url, checks, ['token']);
    const client = await authenticateClient(request, params, checks, ctx.auth, issuerFor(ctx, url));
    const token = params.get('token')!;
    checks.credential = { kind: 'token', value: token };
    const claims = await checkToken(ctx, url, token, checks);
    if (!claims) return jsonResponse({ active: false });
    if (claims.client_id !== client.clientId && client.introspectAny !== true) {
      checks.note('token-owner', 'the token belongs to another client; only its own are shown');
      return jsonResponse({ active: false });
    }
    checks.pass('token-owner');
    checks.pass('active');
    return jsonResponse({
      active: true,
      scope: claims.scope,
      client_id: claims.client_id,
      token_type: 'Bearer',
      exp: claims.exp,
      iat: claims.iat,
      sub: claims.sub,
      aud: claims.aud,
      iss: claims.iss,
      jti: claims.jti,
    });
  });
}

/**
 * Revocation: the owning client revokes its token; the API and introspection refuse it from then
 * until it would have expired. The answer is 200 with an empty body for the client's own token
 * and for unknown or invalid ones (RFC 7009 §2.2: the client could do nothing with an error). A
 * genuine token issued to another client is refused with 400 invalid_request and stays valid
 * (§2.1: the server verifies the token was issued to the caller, else refuses and says so); that
 * tells the caller nothing it could not read in the token's own `client_id` claim. A client
 * holding its limit of outstanding revocations gets 503 with `Retry-After`, except a client with
 * a published secret ({@link hasPublishedSecret}), whose revocation expiring soonest is dropped.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export function revocationEndpoint(ctx: Ctx, request: CoreRequest): Promise<CoreResponse> {
  return handle(ctx, 'revoke', request, async (checks, url) => {
    requireMethod(checks, request, 'POST');
    const params = await readFormRequest(request, url, checks, ['token']);
    const client = await authenticateClient(request, params, checks, ctx.auth, issuerFor(ctx, url));
    const token = params.get('token')!;
    checks.credential = { kind: 'token', value: token };
    const claims = await checkToken(ctx, url, token, checks);
    const done = (): CoreResponse => ({ status: 200, headers: { ...NO_STORE }, body: '' });
    if (!claims) return done();
    if (claims.client_id !== client.clientId) {
      throw checks.fail(
        'token-owner',
        new OAuthError(
          'invalid_request',
          'This token was issued to another client; a client may revoke only its own tokens.',
          400,
        ),
      );
    }
    checks.pass('token-owner');
    // kept until the API stops accepting the token anyway: exp plus its clock tolerance
    const expiresAt = (claims.exp + ctx.clockTolerance) * 1000;
    // a published secret: anyone can mint this client a fresh token, so a full quota drops the
    // revocation that expires soonest rather than answering 503 to the whole room
    const whenFull = hasPublishedSecret(client) ? 'evict-soonest' : 'refuse';
    const stored = await checks.fromStore(
      'revoked',
      ctx.state.revoke(claims.jti, expiresAt, client.clientId, whenFull),
    );
    if (!stored.ok) {
      // Each client may hold only so many revocations at once (they last until the token's own
      // exp). RFC 7009 §2.2.1: 503 when the server cannot revoke for now; the client must assume
      // the token is still valid and retry once a place frees up.
      const retryAfter = Math.max(1, Math.ceil((stored.retryAt - ctx.now()) / 1000));
      throw checks.fail(
        'revoked',
        new OAuthError(
          'temporarily_unavailable',
          `This client has too many revoked tokens that have not expired yet; the token stays valid. Retry in ${retryAfter} s.`,
          503,
          { 'Retry-After': String(retryAfter) },
        ),
      );
    }
    checks.pass(
      'revoked',
      stored.evicted === undefined
        ? undefined
        : `the client's quota of revocations was full: the one expiring soonest (jti ${stored.evicted}) was dropped, so that token is accepted again until it expires`,
    );
    return done();
  });
}
