/**
 * The errors the authorization server and the protected API answer with (codes from
 * `lib/protocol/codes`), and the JSON / challenge responses that carry them.
 */

import type { OAuthErrorCode } from '../protocol/codes';
import { coreJson, type CoreResponse } from './http';

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
