/**
 * Builders of the requests a client of FlowLab sends: token, API, introspection, revocation and
 * JWKS. Each returns the one record that is sent, shown and rendered.
 */
import { encodeBasicAuthorization } from './basic';
import {
  API_PATH,
  INTROSPECT_PATH,
  JWKS_PATH,
  REVOKE_PATH,
  TOKEN_PATH,
  endpointUrl,
} from './paths';
import type { HeaderPair, HttpRequestRecord } from './records';

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
export const authMethods = ['basic', 'body', 'both'] as const;
/** One of {@link authMethods}. @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3 */
export type AuthMethod = (typeof authMethods)[number];

/** The learner-editable parts of a token request. */
export interface TokenRequestSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated scopes; empty means "omit the parameter" (the client's default scope). */
  readonly scope: string;
  /**
   * `basic`: HTTP Basic (client_secret_basic), the method every server MUST support.
   * `body`: client_id and client_secret as form fields (client_secret_post), optional for servers.
   * `both`: both at once, which RFC 6749 §2.3 forbids (the server answers invalid_request).
   */
  readonly authMethod: AuthMethod;
  /** `form` is the only body the token endpoint accepts (RFC 6749 §4.4.2); `json` shows why. */
  readonly contentType: 'form' | 'json';
  /** `null` leaves grant_type out of the request. */
  readonly grantType: string | null;
}

/** The token request of the lesson's curl line: `myapp123` with client_secret_post. */
export const lessonTokenSettings: TokenRequestSettings = {
  clientId: 'myapp123',
  clientSecret: 'secret456',
  scope: '',
  authMethod: 'body',
  contentType: 'form',
  grantType: 'client_credentials',
};

/** The form body media type. @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Builds the client credentials token request exactly as it will be sent.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export function buildTokenRequest(
  settings: TokenRequestSettings,
  baseUrl: string,
): HttpRequestRecord {
  const params: [string, string][] = [];
  if (settings.grantType !== null) params.push(['grant_type', settings.grantType]);
  if (settings.scope.trim() !== '') params.push(['scope', settings.scope.trim()]);
  const inBody = settings.authMethod === 'body' || settings.authMethod === 'both';
  if (inBody) {
    params.push(['client_id', settings.clientId], ['client_secret', settings.clientSecret]);
  }
  const headers: HeaderPair[] = [];
  if (settings.authMethod === 'basic' || settings.authMethod === 'both') {
    headers.push([
      'Authorization',
      encodeBasicAuthorization(settings.clientId, settings.clientSecret),
    ]);
  }
  let body: string;
  if (settings.contentType === 'json') {
    headers.unshift(['Content-Type', 'application/json']);
    body = JSON.stringify(Object.fromEntries(params));
  } else {
    headers.unshift(['Content-Type', FORM_CONTENT_TYPE]);
    body = new URLSearchParams(params).toString();
  }
  return { method: 'POST', url: endpointUrl(baseUrl, TOKEN_PATH), headers, body };
}

/**
 * The protected API call with the token in the Authorization header.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function buildApiRequest(accessToken: string, baseUrl: string): HttpRequestRecord {
  return {
    method: 'GET',
    url: endpointUrl(baseUrl, API_PATH),
    headers: [['Authorization', `Bearer ${accessToken}`]],
  };
}

/** A client's own credentials, for the endpoints that authenticate it with HTTP Basic. */
export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

function tokenManagementRequest(
  path: string,
  token: string,
  client: ClientCredentials,
  baseUrl: string,
): HttpRequestRecord {
  return {
    method: 'POST',
    url: endpointUrl(baseUrl, path),
    headers: [
      ['Content-Type', FORM_CONTENT_TYPE],
      ['Authorization', encodeBasicAuthorization(client.clientId, client.clientSecret)],
    ],
    body: new URLSearchParams([
      ['token', token],
      ['token_type_hint', 'access_token'],
    ]).toString(),
  };
}

/**
 * Token revocation by the client that owns the token, authenticated with HTTP Basic.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export function buildRevokeRequest(
  token: string,
  client: ClientCredentials,
  baseUrl: string,
): HttpRequestRecord {
  return tokenManagementRequest(REVOKE_PATH, token, client, baseUrl);
}

/**
 * Token introspection by an authenticated client, with HTTP Basic.
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2.1
 */
export function buildIntrospectRequest(
  token: string,
  client: ClientCredentials,
  baseUrl: string,
): HttpRequestRecord {
  return tokenManagementRequest(INTROSPECT_PATH, token, client, baseUrl);
}

/** The JWKS request (public keys used to check the token's signature). @see https://www.rfc-editor.org/rfc/rfc7517#section-5 */
export function buildJwksRequest(baseUrl: string): HttpRequestRecord {
  return { method: 'GET', url: endpointUrl(baseUrl, JWKS_PATH), headers: [] };
}
