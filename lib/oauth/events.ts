/**
 * What the authorization server and the protected API report about each request they handle.
 * The live request feed of the instructor view is built from these events; the core only emits
 * them through the `onEvent` callback it is given and knows nothing about who listens.
 */

/** Which endpoint handled the request. */
export type AuthEndpoint = 'token' | 'api' | 'introspect' | 'revoke';

/**
 * One check the server made, in the order it made them. Checks stop at the first failure, so a
 * failing request's last check is the one with `ok: false`.
 *
 * Token endpoint ids: `method`, `content-type`, `params`, `client-auth` (one method, well formed),
 * `client-known`, `rate-limit`, `secret-matches`, `grant-type`, `grant-allowed`, `scope-allowed`.
 * (`rate-limit` comes before `secret-matches` so a locked-out client gets 429 whether or not the
 * secret is right: the lockout must not tell a guesser when a guess was correct.)
 * API ids: `method`, `bearer-present`, `jwt-format`, `alg`, `signature`, `typ`, `iss`, `aud`,
 * `exp` (exp, nbf and iat, with the clock tolerance), `revocation`, `scope`. (`alg` is checked
 * against the allow-list before the signature is verified, per RFC 8725 §3.1.)
 * Introspection ids: the token endpoint's first seven (`method` ... `secret-matches`), then the
 * API's token checks `jwt-format` ... `revocation`, then `active`. A failed token check there is
 * an answer (`{"active": false}`, status 200), not an error.
 * Revocation ids: as introspection, then `token-owner` and `revoked`.
 * A request without credentials at the API ends with `bearer-present` not ok and status 401.
 */
export interface Check {
  readonly id: string;
  /** Plain words for a learner: "Client is registered", "Signature matches the server's key". */
  readonly label: string;
  readonly ok: boolean;
  /** What was seen, when it helps: "expected aud=https://..., got ...". Never a secret. */
  readonly detail?: string;
}

export interface AuthEvent {
  /** Epoch milliseconds when the request arrived. */
  readonly at: number;
  readonly endpoint: AuthEndpoint;
  readonly method: string;
  readonly path: string;
  /** The client the request named or authenticated as, if any. */
  readonly clientId: string | null;
  readonly status: number;
  /** RFC error code of the response, when it is an error. */
  readonly error?: string;
  readonly durationMs: number;
  readonly checks: readonly Check[];
  /**
   * The raw credential the request carried (the client secret it presented, or the bearer or
   * introspected token). Views mask it by default and reveal it only on demand.
   */
  readonly credential?: { readonly kind: 'secret' | 'token'; readonly value: string };
}

/** A sink for events: the core calls it once per handled request and never awaits it. */
export type AuthEventSink = (event: AuthEvent) => void;

/** The process-wide subscription point of auth events (the live feed attaches to it). */
export interface AuthEventSource {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: AuthEventSink): () => void;
}
