/**
 * `POST /token`: the client credentials grant.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
import { issueAccessToken } from './access-token';
import { authenticateClient } from './client-auth';
import { handle, issuerFor, requireMethod, resourceFor, type Ctx } from './context';
import { jsonResponse, OAuthError } from './errors';
import { isFormContentType, parseForm, readBody, type FormParams } from './form';
import { isScope, parseScope, SCOPES } from './scopes';
import type { CheckRecorder } from './check-recorder';
import type { CoreRequest, CoreResponse } from './http';

/** Parameters that carry client credentials and must never appear in the URL. */
const CREDENTIAL_PARAMS = ['client_id', 'client_secret'] as const;

/** The success body of the token endpoint. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1 */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/**
 * The `content-type` and `params` checks every form endpoint makes: a form body (no JSON),
 * at most {@link MAX_BODY_BYTES}, no repeated parameter or malformed escape, no credentials in the
 * query string, and the `required` parameters present.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export async function readFormRequest(
  request: CoreRequest,
  url: URL,
  checks: CheckRecorder,
  required: readonly string[],
): Promise<FormParams> {
  const contentType = request.headers.get('content-type');
  if (!isFormContentType(contentType)) {
    throw checks.fail(
      'content-type',
      new OAuthError(
        'invalid_request',
        'The request body must be application/x-www-form-urlencoded (not JSON or anything else).',
        400,
      ),
      contentType === null ? 'no Content-Type header' : 'another media type',
    );
  }
  checks.pass('content-type');

  try {
    for (const name of CREDENTIAL_PARAMS) {
      if (url.searchParams.has(name)) {
        throw new OAuthError(
          'invalid_request',
          `Client credentials (${name}) must not be sent in the URL query string; send them in the body or the Authorization header.`,
          400,
        );
      }
    }
    const params = parseForm(await readBody(request));
    for (const name of required) {
      if (!params.has(name)) {
        throw new OAuthError('invalid_request', `The ${name} parameter is missing.`, 400);
      }
    }
    checks.pass('params');
    return params;
  } catch (e) {
    if (e instanceof OAuthError) throw checks.fail('params', e);
    throw e;
  }
}

/**
 * Handles a token request: method, form body, client authentication, grant type, the client's
 * permission for it and the scope, then issues a signed access token.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5
 */
export function tokenEndpoint(ctx: Ctx, request: CoreRequest): Promise<CoreResponse> {
  return handle(ctx, 'token', request, async (checks, url) => {
    requireMethod(checks, request, 'POST');
    const params = await readFormRequest(request, url, checks, ['grant_type']);
    const client = await authenticateClient(request, params, checks, ctx.auth, issuerFor(ctx, url));

    const grantType = params.get('grant_type')!;
    if (grantType !== 'client_credentials') {
      throw checks.fail(
        'grant-type',
        new OAuthError(
          'unsupported_grant_type',
          'This server supports only grant_type=client_credentials.',
          400,
        ),
      );
    }
    checks.pass('grant-type', grantType);

    if (!client.grantTypes.includes('client_credentials')) {
      throw checks.fail(
        'grant-allowed',
        new OAuthError(
          'unauthorized_client',
          'This client is not allowed to use the client_credentials grant.',
          400,
        ),
      );
    }
    checks.pass('grant-allowed');

    const asked = params.get('scope');
    let scopes: readonly string[];
    if (asked === undefined) {
      scopes = client.defaultScopes;
    } else {
      const parsed = parseScope(asked);
      if (parsed === null || parsed.length === 0) {
        throw checks.fail(
          'scope-allowed',
          new OAuthError('invalid_scope', 'The scope parameter is malformed.', 400),
        );
      }
      const unknown = parsed.filter((s) => !isScope(s));
      if (unknown.length > 0) {
        throw checks.fail(
          'scope-allowed',
          new OAuthError(
            'invalid_scope',
            `The scope asks for a scope this server does not know (it knows: ${SCOPES.join(' ')}).`,
            400,
          ),
        );
      }
      const denied = parsed.filter((s) => !(client.allowedScopes as readonly string[]).includes(s));
      if (denied.length > 0) {
        throw checks.fail(
          'scope-allowed',
          new OAuthError(
            'invalid_scope',
            `The scope asks for more than this client may have (allowed: ${client.allowedScopes.join(' ')}).`,
            400,
          ),
        );
      }
      scopes = parsed;
    }
    const scope = scopes.join(' ');
    checks.pass('scope-allowed', asked === undefined ? `none asked: default ${scope}` : scope);

    const issuer = issuerFor(ctx, url);
    const { token, claims } = await issueAccessToken({
      key: ctx.key,
      issuer,
      audience: resourceFor(issuer),
      clientId: client.clientId,
      scope,
      lifetime: client.tokenLifetime,
      now: Math.floor(ctx.now() / 1000),
    });
    checks.tokenClientId = claims.client_id;
    checks.tokenId = claims.jti;
    const body: TokenResponse = {
      access_token: token,
      token_type: 'Bearer',
      expires_in: client.tokenLifetime,
      scope,
    };
    return jsonResponse(body);
  });
}
