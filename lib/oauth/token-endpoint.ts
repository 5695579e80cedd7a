/**
 * `POST /token`: the client credentials grant.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
import { issueAccessToken } from './access-token';
import { authenticateClient } from './client-auth';
import { handle, issuerFor, requireMethod, resourceFor, type Ctx } from './context';
import { jsonResponse, OAuthError } from './errors';
import { isFormContentType, paramsInQuery, parseForm, readBody, type FormParams } from './form';
import { isScope, parseScope, SCOPES } from './scopes';
import type { CheckRecorder } from './check-recorder';
import type { CoreRequest, CoreResponse } from './http';

/** Parameters that carry client credentials, which must never appear in a URL. */
const CREDENTIAL_PARAMS: ReadonlySet<string> = new Set([
  'client_id',
  'client_secret',
  'client_assertion',
]);

/** The success body of the token endpoint. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1 */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

/** "client_id and client_secret", "a, b, and c": names in a sentence. */
const LIST = new Intl.ListFormat('en', { type: 'conjunction' });

/**
 * The refusal of a request that puts parameters the endpoint reads in the URL query
 * (`/token?grant_type=...`), where the endpoint never reads them: they belong in the form body
 * (RFC 6749 §4.4.2, RFC 7662 §2.1, RFC 7009 §2.1), client credentials above all (RFC 6749
 * §2.3.1). Undefined when the query names none of them.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
function queryParamsError(url: URL): OAuthError | undefined {
  const names = paramsInQuery(url);
  if (names.length === 0) return undefined;
  const credentials = names.filter((name) => CREDENTIAL_PARAMS.has(name));
  const them = names.length === 1 ? 'it' : 'them';
  return new OAuthError(
    'invalid_request',
    `The request sends ${LIST.format(names)} in the URL query, where this server does not read ${them}: send ${them} in the request body, form-encoded (Content-Type: application/x-www-form-urlencoded)${
      credentials.length === 0
        ? ''
        : `; client credentials (${LIST.format(credentials)}) must never be in a URL, which logs and browser history keep (RFC 6749 section 2.3.1)`
    }.`,
    400,
  );
}

/**
 * The `content-type` and `params` checks every form endpoint makes: a form body (no JSON),
 * at most {@link MAX_BODY_BYTES}, no repeated parameter or malformed escape, none of the
 * parameters in the URL query (the body would lack them, or their value would be ignored), and
 * the `required` parameters present. A request with the parameters in its query and no form body
 * is told about the query, its mistake, not only about the body.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 */
export async function readFormRequest(
  request: CoreRequest,
  url: URL,
  checks: CheckRecorder,
  required: readonly string[],
): Promise<FormParams> {
  const contentType = request.headers.get('content-type');
  const inQuery = queryParamsError(url);
  if (!isFormContentType(contentType)) {
    throw checks.fail(
      'content-type',
      inQuery ??
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
    if (inQuery) throw inQuery;
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
