/**
 * The closed set of error codes the authorization server and the protected API answer with, and
 * the JSON / challenge responses that carry them.
 */

/**
 * Token, introspection and revocation endpoint errors.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
import { coreJson, type CoreResponse } from './http';

export const TOKEN_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;

/**
 * Protected resource (bearer token) errors.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export const BEARER_ERRORS = ['invalid_request', 'invalid_token', 'insufficient_scope'] as const;

/**
 * Errors FlowLab adds for requests no token-endpoint code describes (wrong method, too large, too
 * many, a revocation the server cannot store now). `temporarily_unavailable` is RFC 6749's code
 * for a server that cannot serve a request for now; RFC 7009 §2.2.1 answers such a revocation
 * with 503, after which the client must assume the token is still valid and may retry.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1
 */
export const HTTP_ERRORS = [
  'method_not_allowed',
  'request_too_large',
  'too_many_requests',
  'temporarily_unavailable',
  'server_error',
] as const;

export type TokenErrorCode = (typeof TOKEN_ERRORS)[number];
export type BearerErrorCode = (typeof BEARER_ERRORS)[number];
export type OAuthErrorCode = TokenErrorCode | BearerErrorCode | (typeof HTTP_ERRORS)[number];

/** Headers every token, introspection and revocation response carries. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** An error the core answers with; thrown inside a handler and turned into a response. */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status: number,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${code}: ${description}`);
    this.name = 'OAuthError';
  }
}

/**
 * A JSON response with `Cache-Control: no-store` and `Pragma: no-cache`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): CoreResponse {
  return coreJson(body, status, { ...NO_STORE, ...headers });
}

/**
 * The `{error, error_description}` body of an OAuth error response.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function errorResponse(error: OAuthError): CoreResponse {
  return jsonResponse(
    { error: error.code, error_description: error.description },
    error.status,
    error.headers,
  );
}

/** Quotes a value for an auth-param (`realm="..."`), escaping `"` and `\`. */
export function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
