/**
 * Client authentication, shared by the token, introspection and revocation endpoints:
 * `client_secret_basic` (HTTP Basic, the method every server must support),
 * `client_secret_post` (body parameters) and `private_key_jwt` (a signed client assertion, see
 * `client-assertion-auth.ts`), never two at once; secrets compared in constant time (as SHA-256
 * digests, so a registered client's secret is stored only as its hash); and a per-client lockout
 * after repeated wrong secrets.
 */
import { decodeBasicAuthorization } from '../protocol/basic';
import type { RegisteredClient } from './clients';
import { authenticateAssertion } from './client-assertion-auth';
import { OAuthError, quote } from './errors';
import type { FormParams } from './form';
import { presentedCredentials, type PresentedCredentials } from './presented-credentials';
import { secretMatchesDigest, sha256 } from './secure-compare';
import type { StateStore } from './state-store';
import type { CheckRecorder } from './check-recorder';
import { callerOf, type CoreRequest } from './http';

/** The supported methods and their type (re-exported from `presented-credentials.ts`). */
export { CLIENT_AUTH_METHODS, type ClientAuthMethod } from './presented-credentials';

/** Wrong secrets allowed per client, caller and window before that caller is locked out (429). */
export interface RateLimitOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** 10 wrong secrets per client and caller per 60 s. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { maxFailures: 10, windowMs: 60_000 };

/** What client authentication needs: state and limits, realm, clock, registry and its upkeep. */
export interface ClientAuthDeps {
  readonly state: StateStore;
  readonly rateLimit: RateLimitOptions;
  readonly realm: string;
  readonly now: () => number;
  /** Seconds of clock skew tolerated on a client assertion's exp, iat and nbf. */
  readonly clockTolerance: number;
  /** Configured clients, then registered ones (which may need the store). */
  readonly lookup: (clientId: string) => Promise<RegisteredClient | undefined>;
  /** Called after a registered client authenticated (extends its registration). */
  readonly used: (client: RegisteredClient) => Promise<void>;
}

const digests = new WeakMap<RegisteredClient, Promise<Uint8Array>>();

/** The SHA-256 of the client's secret: computed once for a configured one, stored for a registered one. */
function secretDigest(client: RegisteredClient): Promise<Uint8Array> | null {
  const c = client.credential;
  if (c.method === 'client_secret_sha256') return Promise.resolve(c.sha256);
  if (c.method !== 'client_secret') return null;
  let digest = digests.get(client);
  if (!digest) digests.set(client, (digest = sha256(c.secret)));
  return digest;
}

/**
 * Authenticates the client of a token, introspection or revocation request, recording the checks
 * `client-auth`, `client-known`, then `rate-limit` and `secret-matches` for a secret, or the
 * assertion checks for private_key_jwt. `issuer` is the audience a client assertion names.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 */
export async function authenticateClient(
  request: CoreRequest,
  params: FormParams,
  checks: CheckRecorder,
  deps: ClientAuthDeps,
  issuer: string,
): Promise<RegisteredClient> {
  const challenge = { 'WWW-Authenticate': `Basic realm=${quote(deps.realm)}, charset="UTF-8"` };
  const invalidClient = (description: string) =>
    new OAuthError('invalid_client', description, 401, challenge);

  let presented: PresentedCredentials;
  try {
    presented = presentedCredentials(request, params, checks, invalidClient);
  } catch (e) {
    await proveRefusedBasic(request, checks, deps);
    throw e;
  }
  checks.authMethod = presented.method;
  checks.pass('client-auth', presented.method);
  if (presented.method === 'private_key_jwt') {
    const client = await authenticateAssertion(presented, issuer, checks, deps, invalidClient);
    checks.authenticatedClientId = client.clientId;
    if (client.registration) await deps.used(client);
    return client;
  }
  checks.clientId = presented.clientId;
  checks.credential = { kind: 'secret', value: presented.clientSecret };

  const client = await checks.fromStore('client-known', deps.lookup(presented.clientId));
  if (!client) {
    throw checks.fail(
      'client-known',
      invalidClient('Client authentication failed (unknown client or wrong secret).'),
    );
  }
  const expected = secretDigest(client);
  if (!expected) {
    throw checks.fail(
      'client-known',
      invalidClient(
        'This client authenticates with private_key_jwt (a signed client assertion), not a secret.',
      ),
    );
  }
  // RFC 7591 §2: a registered client uses the token_endpoint_auth_method it registered, so a
  // secret registered for the Authorization header is refused in the body, and the other way round
  const sends = client.credential.method === 'client_secret_sha256' && client.credential.sends;
  if (sends && sends !== presented.method) {
    throw checks.fail(
      'client-known',
      invalidClient(
        sends === 'client_secret_basic'
          ? 'This client registered client_secret_basic: send its client_id and client_secret in the Authorization header (HTTP Basic), not in the body.'
          : 'This client registered client_secret_post: send its client_id and client_secret as body parameters, not in an Authorization header.',
      ),
      `registered ${sends}`,
    );
  }
  checks.pass('client-known');

  // Public demo clients (their secret is in the lesson) are never locked out: a room running the
  // wrong-secret scenario must not lock the lesson out. Every other client is, per caller: a
  // guesser locks out only their own address, never the owner's (anyone in the room can read a
  // learner's client_id on the projected feed, and the instructor's is public).
  const guarded = client.lockout !== false;
  const key = `auth-failures:${client.clientId}:${callerOf(request)}`;
  const window = guarded ? await checks.fromStore('rate-limit', deps.state.peek(key)) : undefined;
  if (window && window.count >= deps.rateLimit.maxFailures) {
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - deps.now()) / 1000));
    throw checks.fail(
      'rate-limit',
      new OAuthError(
        'too_many_requests',
        `Too many failed authentications for this client. Try again in ${retryAfter} s.`,
        429,
        { 'Retry-After': String(retryAfter) },
      ),
      `locked out; retry in ${retryAfter} s`,
    );
  }
  checks.pass('rate-limit', guarded ? undefined : 'lockout is off for this public demo client');

  // both sides are 32-byte digests: the comparison's time says nothing about the secret
  if (!(await secretMatchesDigest(presented.clientSecret, await expected))) {
    if (guarded) {
      await checks.fromStore('secret-matches', deps.state.increment(key, deps.rateLimit.windowMs));
    }
    // no count in the detail: the caller must not learn how many guesses are left
    throw checks.fail(
      'secret-matches',
      invalidClient('Client authentication failed (unknown client or wrong secret).'),
      'wrong secret',
    );
  }
  checks.pass('secret-matches');
  checks.authenticatedClientId = client.clientId;
  if (client.registration) await deps.used(client);
  return client;
}

/**
 * For the event only (challenge grading): whether a request refused for its form (two methods at
 * once ...) still carried a valid Basic credential of a client. The answer stays the same and
 * nothing is counted, so this tells the caller nothing.
 */
async function proveRefusedBasic(
  request: CoreRequest,
  checks: CheckRecorder,
  deps: ClientAuthDeps,
): Promise<void> {
  const header = request.headers.get('authorization');
  const basic = header === null ? null : decodeBasicAuthorization(header);
  if (!basic?.ok) return;
  const client = await deps.lookup(basic.clientId).catch(() => undefined);
  const digest = client && secretDigest(client);
  if (digest && (await secretMatchesDigest(basic.clientSecret, await digest))) {
    checks.authenticatedClientId = client.clientId;
  }
}
