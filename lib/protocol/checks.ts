/**
 * The checks FlowLab's server makes on each request, as a closed set of ids with one label each,
 * and the `FlowLab-Checks` response header that hands the same ordered list to the learner.
 * The server records them, the live feed and the step page show them.
 */

/**
 * Every check id. Checks stop at the first failure, so a failing request's last check is the one
 * with `ok: false`.
 *
 * Token endpoint: `method`, `content-type`, `params`, `client-auth` (one method, well formed),
 * `client-known` (registered, and for the method used: a secret or an assertion, and for a client
 * registered at /register the token_endpoint_auth_method it registered), `rate-limit`, `secret-matches`, `grant-type`, `grant-allowed`, `scope-allowed`.
 * With `private_key_jwt` (RFC 7523 §3), `rate-limit` and `secret-matches` are replaced by the
 * assertion checks, in this order: `assertion-format`, `assertion-subject` (iss and sub both the
 * client_id, and a body client_id the same; checked before `client-known`, which then looks up
 * the client they name), `assertion-alg`, `assertion-signature`, `assertion-aud`, `assertion-time` (exp, iat, nbf, lifetime cap) and
 * `assertion-jti-claim` (a jti of 1-256 characters, which FlowLab requires), `assertion-pace`
 * (the client's accepted assertions this minute within the limit, so the ids it makes the server
 * remember stay bounded), then `assertion-jti` (never used before: a refusal there is a replay
 * and nothing else).
 * (`rate-limit` comes before `secret-matches` so a locked-out client gets 429 whether or not the
 * secret is right: the lockout must not tell a guesser when a guess was correct.)
 * API: `method`, `bearer-present`, `jwt-format`, `alg`, `signature`, `typ`, `iss`, `aud`, `exp`
 * (exp, nbf and iat, with the clock tolerance), `revocation`, `scope`. (`alg` is checked against
 * the allow-list before the signature is verified, per RFC 8725 §3.1.) A request without
 * credentials at the API ends with `bearer-present` not ok and status 401.
 * Introspection: the token endpoint's first seven (`method` ... `secret-matches`), then the API's
 * token checks `jwt-format` ... `revocation`, then `token-owner` (its own token, or a resource
 * server asking) and `active`; a failed check there is an answer (`{"active": false}`, status
 * 200), not an error.
 * Revocation: as introspection, then `token-owner` and `revoked`.
 * `server` is an unexpected failure inside the server.
 */
export const checkIds = [
  'method',
  'content-type',
  'params',
  'client-auth',
  'client-known',
  'rate-limit',
  'secret-matches',
  'grant-type',
  'grant-allowed',
  'scope-allowed',
  'assertion-format',
  'assertion-subject',
  'assertion-alg',
  'assertion-signature',
  'assertion-aud',
  'assertion-time',
  'assertion-jti-claim',
  'assertion-pace',
  'assertion-jti',
  'bearer-present',
  'jwt-format',
  'alg',
  'signature',
  'typ',
  'iss',
  'aud',
  'exp',
  'revocation',
  'scope',
  'active',
  'token-owner',
  'revoked',
  'server',
] as const;
/** One of {@link checkIds}. */
export type CheckId = (typeof checkIds)[number];

/** Plain words for a learner, one per check. */
export const checkLabels: Readonly<Record<CheckId, string>> = {
  method: 'Request method is allowed here',
  'content-type': 'Body is application/x-www-form-urlencoded',
  params: 'Parameters are well formed and complete',
  'client-auth': 'Client authenticates with exactly one method',
  'client-known': 'Client is registered for this authentication method',
  'rate-limit': 'Client is not locked out after too many wrong secrets',
  'secret-matches': 'Client secret matches',
  'grant-type': 'Grant type is supported',
  'grant-allowed': 'Client is allowed this grant type',
  'scope-allowed': 'Requested scope is allowed for this client',
  'assertion-format': 'Client assertion is a well-formed JWT (no crit header)',
  'assertion-subject': 'Assertion iss and sub are the client_id',
  'assertion-alg': 'Assertion algorithm is on the asymmetric allow-list',
  'assertion-signature': "Assertion signature matches a key in the client's jwks",
  'assertion-aud': 'Assertion audience is this authorization server',
  'assertion-time': 'Assertion is within its lifetime (exp, iat, nbf)',
  'assertion-jti-claim': 'Assertion has a jti claim, a unique id of 1-256 characters',
  'assertion-pace': 'Client is within its limit of assertions a minute',
  'assertion-jti': 'Assertion jti was never used before (no replay)',
  'bearer-present': 'Request carries one bearer token in the Authorization header',
  'jwt-format': 'Token is a well-formed JWT',
  alg: 'Signing algorithm is on the allow-list',
  signature: "Signature matches the server's key",
  typ: 'Token type is at+jwt (an access token)',
  iss: 'Issuer is this authorization server',
  aud: 'Audience is this API',
  exp: 'Token is within its lifetime (not expired)',
  revocation: 'Token has not been revoked, nor its client deleted',
  scope: 'Token grants the data:read scope',
  active: 'Token is active',
  'token-owner': 'Token belongs to the calling client',
  revoked: 'Token is revoked',
  server: 'Server handled the request',
};

/**
 * One check the server made. Checks stop at the first failure, so a failing request's last check
 * is the one with `ok: false`. A detail never carries a secret or a token.
 */
/**
 * The detail of a failed `client-auth` check when the request used two authentication methods
 * (RFC 6749 §2.3), as against its other failures (a malformed header, a mismatched client_id).
 */
export const TWO_METHODS_DETAIL = 'two authentication methods';

export interface Check {
  readonly id: CheckId;
  readonly ok: boolean;
  /** What was seen, when it helps: "expected alg ES256". */
  readonly detail?: string;
}

/** The response header on `/token`, `/api/data`, `/introspect` and `/revoke` listing the checks. */
export const CHECKS_HEADER = 'FlowLab-Checks';

const knownIds: ReadonlySet<string> = new Set(checkIds);

/** Whether a value is a {@link CheckId}. */
export function isCheckId(value: unknown): value is CheckId {
  return typeof value === 'string' && knownIds.has(value);
}

/**
 * The header value for a list of checks: JSON with every non-ASCII character escaped as `\uXXXX`,
 * so it is a valid field value (RFC 9110 §5.5 allows only visible ASCII, space and tab safely).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-5.5
 */
export function serializeChecks(checks: readonly Check[]): string {
  const plain = checks.map((c) =>
    c.detail === undefined ? { id: c.id, ok: c.ok } : { id: c.id, ok: c.ok, detail: c.detail },
  );
  return JSON.stringify(plain).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function toCheck(value: unknown): Check | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, ok, detail } = value as Record<string, unknown>;
  if (!isCheckId(id) || typeof ok !== 'boolean') return null;
  if (detail === undefined) return { id, ok };
  return typeof detail === 'string' ? { id, ok, detail } : null;
}

/** The checks in a `FlowLab-Checks` header value; null when it is absent or malformed. */
export function parseChecksHeader(value: string | null | undefined): Check[] | null {
  if (value === null || value === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const checks = parsed.map(toCheck);
  return checks.every((c): c is Check => c !== null) ? checks : null;
}
