/**
 * The closed sets of error codes FlowLab's server answers with: the server throws them, the step
 * engine and the views explain them.
 */

/**
 * Token, introspection and revocation endpoint errors.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
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
 * Client registration errors (FlowLab registers learners' short-lived clients).
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2
 */
export const REGISTRATION_ERRORS = ['invalid_client_metadata'] as const;

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

/** One of {@link TOKEN_ERRORS}. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 */
export type TokenErrorCode = (typeof TOKEN_ERRORS)[number];
/** One of {@link BEARER_ERRORS}. @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1 */
export type BearerErrorCode = (typeof BEARER_ERRORS)[number];
/** Every error code the server can answer with. */
export type OAuthErrorCode =
  | TokenErrorCode
  | BearerErrorCode
  | (typeof REGISTRATION_ERRORS)[number]
  | (typeof HTTP_ERRORS)[number];

const allCodes: ReadonlySet<string> = new Set([
  ...TOKEN_ERRORS,
  ...BEARER_ERRORS,
  ...REGISTRATION_ERRORS,
  ...HTTP_ERRORS,
]);

/** Whether a value (an `error` field of a response) is one of FlowLab's error codes. */
export function isOAuthErrorCode(value: unknown): value is OAuthErrorCode {
  return typeof value === 'string' && allCodes.has(value);
}
