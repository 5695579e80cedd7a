/**
 * Builders of the requests a client of FlowLab sends: token, API, introspection, revocation and
 * JWKS. Each returns the one record that is sent, shown and rendered.
 */
import { encodeBasicAuthorization } from './basic';
import { CLIENT_ASSERTION_TYPE } from './client-assertion';
import {
  API_PATH,
  INTROSPECT_PATH,
  JWKS_PATH,
  REGISTER_PATH,
  REVOKE_PATH,
  TOKEN_PATH,
  endpointUrl,
  registrationClockPath,
  registrationPath,
  registrationSecretPath,
} from './paths';
import type { AuthMethod } from './auth-methods';
import type { HeaderPair, HttpRequestRecord } from './records';
import type { RegistrationRequest } from './registration';

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
   * `private_key_jwt`: client_id, client_assertion_type and the signed `clientAssertion`.
   */
  readonly authMethod: AuthMethod;
  /** The signed client assertion (a JWT), sent with `private_key_jwt`. */
  readonly clientAssertion?: string;
  /**
   * The `client_assertion_type` sent with `private_key_jwt`: defaults to
   * {@link CLIENT_ASSERTION_TYPE}; `null` leaves it out (the server answers invalid_request).
   */
  readonly clientAssertionType?: string | null;
  /** With `private_key_jwt`, also send `client_secret` (two methods at once: invalid_request). */
  readonly assertionWithSecret?: boolean;
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
  if (settings.authMethod === 'private_key_jwt') {
    params.push(...assertionParams(settings.clientId, settings));
    if (settings.assertionWithSecret) params.push(['client_secret', settings.clientSecret]);
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

/** The form parameters of `private_key_jwt`. @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2 */
function assertionParams(
  clientId: string,
  assertion: Pick<TokenRequestSettings, 'clientAssertion' | 'clientAssertionType'>,
): [string, string][] {
  const type =
    assertion.clientAssertionType === undefined
      ? CLIENT_ASSERTION_TYPE
      : assertion.clientAssertionType;
  return [
    ['client_id', clientId],
    ...(type === null ? [] : [['client_assertion_type', type] as [string, string]]),
    ['client_assertion', assertion.clientAssertion ?? ''],
  ];
}

/**
 * A client's own credentials, for the introspection and revocation endpoints: a secret (sent with
 * HTTP Basic) or a signed client assertion (private_key_jwt, in the body).
 */
export type ClientCredentials =
  | { readonly clientId: string; readonly clientSecret: string }
  | { readonly clientId: string; readonly clientAssertion: string };

function tokenManagementRequest(
  path: string,
  token: string,
  client: ClientCredentials,
  baseUrl: string,
): HttpRequestRecord {
  const params: [string, string][] = [
    ['token', token],
    ['token_type_hint', 'access_token'],
  ];
  const headers: HeaderPair[] = [['Content-Type', FORM_CONTENT_TYPE]];
  if ('clientAssertion' in client) params.push(...assertionParams(client.clientId, client));
  else
    headers.push(['Authorization', encodeBasicAuthorization(client.clientId, client.clientSecret)]);
  return {
    method: 'POST',
    url: endpointUrl(baseUrl, path),
    headers,
    body: new URLSearchParams(params).toString(),
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

/** Registers a client (a learner's public key). @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1 */
export function buildRegisterRequest(
  metadata: RegistrationRequest,
  baseUrl: string,
): HttpRequestRecord {
  return {
    method: 'POST',
    url: endpointUrl(baseUrl, REGISTER_PATH),
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify(metadata),
  };
}

/** What a registered client's own management request names: its id and registration token. */
export interface RegistrationHandle {
  readonly clientId: string;
  readonly registrationAccessToken: string;
}

function registrationRequest(
  method: 'GET' | 'DELETE' | 'POST' | 'PUT',
  path: string,
  handle: RegistrationHandle,
  baseUrl: string,
  json?: unknown,
): HttpRequestRecord {
  const headers: HeaderPair[] = [['Authorization', `Bearer ${handle.registrationAccessToken}`]];
  if (json === undefined) return { method, url: endpointUrl(baseUrl, path), headers };
  headers.unshift(['Content-Type', 'application/json']);
  return { method, url: endpointUrl(baseUrl, path), headers, body: JSON.stringify(json) };
}

/** Reads (`GET`) or deletes (`DELETE`) a registration. @see https://www.rfc-editor.org/rfc/rfc7592#section-2 */
export function buildRegistrationRequest(
  method: 'GET' | 'DELETE',
  handle: RegistrationHandle,
  baseUrl: string,
): HttpRequestRecord {
  return registrationRequest(method, registrationPath(handle.clientId), handle, baseUrl);
}

/** Asks for a new client secret; the old one stops working at once. */
export function buildSecretRotationRequest(
  handle: RegistrationHandle,
  baseUrl: string,
): HttpRequestRecord {
  return registrationRequest('POST', registrationSecretPath(handle.clientId), handle, baseUrl);
}

/** Sets the client's own clock offset (seconds ahead of real time, for this client only). */
export function buildClockRequest(
  handle: RegistrationHandle,
  offsetSeconds: number,
  baseUrl: string,
): HttpRequestRecord {
  return registrationRequest('PUT', registrationClockPath(handle.clientId), handle, baseUrl, {
    clock_offset_seconds: offsetSeconds,
  });
}

/** The JWKS request (public keys used to check the token's signature). @see https://www.rfc-editor.org/rfc/rfc7517#section-5 */
export function buildJwksRequest(baseUrl: string): HttpRequestRecord {
  return { method: 'GET', url: endpointUrl(baseUrl, JWKS_PATH), headers: [] };
}
