import type { HeaderPair, HttpRequestRecord } from './http';

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
export const authMethods = ['basic', 'body', 'both'] as const;
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

/** The token endpoint path the lessons teach. */
export const TOKEN_PATH = '/token';
/** The protected API's path. */
export const API_PATH = '/api/data';
/** The revocation endpoint (RFC 7009). */
export const REVOKE_PATH = '/revoke';
/** The JWKS endpoint with the server's public signing keys. */
export const JWKS_PATH = '/.well-known/jwks.json';

const FORM = 'application/x-www-form-urlencoded';

/**
 * `application/x-www-form-urlencoded` encoding of one value, as RFC 6749 Appendix B asks for both
 * form bodies and the two halves of a Basic credential.
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/**
 * The `Authorization: Basic` value for a client: id and secret form-encoded, joined by a colon,
 * then base64.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`;
}

function joinUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl).toString();
}

/**
 * Builds the client credentials token request (RFC 6749 §4.4.2) exactly as it will be sent.
 * The same record is passed to `fetch`, shown on the page and turned into snippets.
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
    headers.push(['Authorization', basicAuthorization(settings.clientId, settings.clientSecret)]);
  }
  let body: string;
  if (settings.contentType === 'json') {
    headers.unshift(['Content-Type', 'application/json']);
    body = JSON.stringify(Object.fromEntries(params));
  } else {
    headers.unshift(['Content-Type', FORM]);
    body = new URLSearchParams(params).toString();
  }
  return { method: 'POST', url: joinUrl(baseUrl, TOKEN_PATH), headers, body };
}

/**
 * The protected API call with the token in the Authorization header.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function buildApiRequest(accessToken: string, baseUrl: string): HttpRequestRecord {
  return {
    method: 'GET',
    url: joinUrl(baseUrl, API_PATH),
    headers: [['Authorization', `Bearer ${accessToken}`]],
  };
}

/**
 * Token revocation by the client that owns the token, authenticated with HTTP Basic.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export function buildRevokeRequest(
  token: string,
  clientId: string,
  clientSecret: string,
  baseUrl: string,
): HttpRequestRecord {
  return {
    method: 'POST',
    url: joinUrl(baseUrl, REVOKE_PATH),
    headers: [
      ['Content-Type', FORM],
      ['Authorization', basicAuthorization(clientId, clientSecret)],
    ],
    body: new URLSearchParams([
      ['token', token],
      ['token_type_hint', 'access_token'],
    ]).toString(),
  };
}

/** The JWKS request (public keys used to check the token's signature). */
export function buildJwksRequest(baseUrl: string): HttpRequestRecord {
  return { method: 'GET', url: joinUrl(baseUrl, JWKS_PATH), headers: [] };
}
