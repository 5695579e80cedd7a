/**
 * The errors the authorization server and the protected API answer with (codes from
 * `lib/protocol/codes`), and the JSON / challenge responses that carry them.
 */

import type { OAuthErrorCode } from '../protocol/codes';
import { coreJson, type CoreResponse } from './http';

/** Headers every token, introspection and revocation response carries. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/**
 * A text made fit for `error_description`: only %x20-21 / %x23-5B / %x5D-7E, so curly quotes become
 * `'`, `"` becomes `'`, `\` becomes `/`, and any other character `?`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function descriptionSafe(text: string): string {
  return text
    .replace(/[’‘"]/g, "'")
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '?');
}

/**
 * An error the core answers with; thrown inside a handler and turned into a response. Its
 * description is made {@link descriptionSafe} here, the one place every error passes through.
 */
export class OAuthError extends Error {
  readonly description: string;

  constructor(
    readonly code: OAuthErrorCode,
    description: string,
    readonly status: number,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    const safe = descriptionSafe(description);
    super(`${code}: ${safe}`);
    this.name = 'OAuthError';
    this.description = safe;
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
