/**
 * What the authorization server and the protected API report about each request they handle.
 * The live request feed of the instructor view is built from these events; the core only emits
 * them through the `onEvent` callback it is given and knows nothing about who listens.
 */
import type { Check } from '../protocol/checks';

/** Which endpoint handled the request. */
export type AuthEndpoint = 'token' | 'api' | 'introspect' | 'revoke';

/** What the server reports about one handled request. */
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
  /** How the client authenticated (or tried to): `client_secret_basic`, `client_secret_post` ... */
  readonly authMethod?: string;
  /**
   * The client whose credentials the request proved valid (client authentication passed; for a
   * request refused for sending two methods, its Basic credentials matched). Never a mere claim.
   */
  readonly authenticatedClientId?: string;
  /** The client a token the request carried or got was issued to (its signature verified). */
  readonly tokenClientId?: string;
  /** The `jti` of that token (issued, or presented with a verified signature). */
  readonly tokenId?: string;
  /** Seconds of the response's `Retry-After`, when it has one. */
  readonly retryAfter?: number;
}

/** A sink for events: the core calls it once per handled request and never awaits it. */
export type AuthEventSink = (event: AuthEvent) => void;

/** The process-wide subscription point of auth events (the live feed attaches to it). */
export interface AuthEventSource {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: AuthEventSink): () => void;
}
