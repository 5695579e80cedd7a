/**
 * Turns what the auth server reports about a request ({@link AuthEvent}) into what the grader
 * looks at: whose request it counts for, whether it proved to be that client, and the request
 * as it will be kept with a pass (credential masked).
 */
import { maskCredential } from '../live/mask';
import type { AuthEvent } from '../oauth/events';
import type { ObservedRequest } from './types';

/** One request, as the grader sees it. */
export interface Observation {
  /** The client it is graded for. */
  readonly subject: string;
  /**
   * Whether the request proved to be that client: its client authentication passed, or (at the
   * API) it carried a token the server had issued to it. A request that only names a client
   * (a `429`, a wrong secret) is not proven and can pass nothing.
   */
  readonly proven: boolean;
  /** The `jti` of the token it got or carried (signature verified). */
  readonly tokenId?: string;
  readonly retryAfter?: number;
  readonly request: ObservedRequest;
}

/**
 * The client whose registered key verifiably signed the request's client assertion, even when
 * the assertion was refused after that (a replay, a wrong aud): only its key holder made it.
 */
function signer(event: AuthEvent): string | undefined {
  const signed = event.checks.some((c) => c.id === 'assertion-signature' && c.ok);
  return signed && event.authMethod === 'private_key_jwt' ? event.tokenClientId : undefined;
}

/** The client a request counts for: proven first, else the one it merely named. */
function subjectOf(event: AuthEvent): { subject: string; proven: boolean } | null {
  const proven =
    event.endpoint === 'api' ? event.tokenClientId : (event.authenticatedClientId ?? signer(event));
  if (proven !== undefined) return { subject: proven, proven: true };
  if (event.endpoint !== 'api' && event.clientId !== null) {
    return { subject: event.clientId, proven: false };
  }
  return null;
}

/** The observation of an event, or null when it names no client. */
export function observe(event: AuthEvent): Observation | null {
  const who = subjectOf(event);
  if (!who) return null;
  const request: ObservedRequest = {
    at: event.at,
    endpoint: event.endpoint,
    method: event.method,
    path: event.path,
    status: event.status,
    ...(event.error === undefined ? {} : { error: event.error }),
    ...(event.authMethod === undefined ? {} : { authMethod: event.authMethod }),
    ...(event.credential === undefined
      ? {}
      : { credential: maskCredential(event.credential.kind, event.credential.value) }),
    checks: event.checks,
  };
  return {
    ...who,
    ...(who.proven && event.tokenId !== undefined ? { tokenId: event.tokenId } : {}),
    ...(event.retryAfter === undefined ? {} : { retryAfter: event.retryAfter }),
    request,
  };
}
