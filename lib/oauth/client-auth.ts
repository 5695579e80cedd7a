/**
 * Client authentication, shared by the token, introspection and revocation endpoints:
 * `client_secret_basic` (HTTP Basic, the method every server must support) and
 * `client_secret_post` (body parameters), never both; secrets compared in constant time; and a
 * per-client lockout after repeated wrong secrets.
 */
import { decodeBasicAuthorization, type BasicProblem } from '../protocol/basic';
import type { RegisteredClient } from './clients';
import { OAuthError, quote } from './errors';
import type { FormParams } from './form';
import { secretMatches, utf8 } from './secure-compare';
import type { StateStore } from './state-store';
import type { CheckRecorder } from './check-recorder';
import type { CoreRequest } from './http';

/** The client authentication methods FlowLab supports, as named in RFC 8414 metadata. */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
/**
 * A client authentication method FlowLab supports.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** Wrong secrets allowed per client and window before the client is locked out (429). */
export interface RateLimitOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** 10 wrong secrets per client per 60 s: a class can replay the wrong-secret scenario safely. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { maxFailures: 10, windowMs: 60_000 };

/** The credentials a request presented, and how. */
export interface PresentedCredentials {
  readonly method: ClientAuthMethod;
  readonly clientId: string;
  readonly clientSecret: string;
}

function malformed(description: string): OAuthError {
  return new OAuthError('invalid_request', description, 400);
}

/** What the server answers for each way a Basic header can be malformed. */
const basicProblemText: Readonly<Record<BasicProblem, string>> = {
  'not-base64': 'The Basic authorization header is not valid base64.',
  'not-utf8': 'The Basic authorization header does not decode to UTF-8 text.',
  'no-colon': 'The Basic authorization header has no colon between client_id and client_secret.',
  'bad-escape': 'The Basic authorization header has a malformed percent-escape.',
  'empty-client-id': 'The Basic authorization header has an empty client_id.',
};

/** What client authentication needs: the lockout state and its limits, the realm, clock, registry. */
export interface ClientAuthDeps {
  readonly state: StateStore;
  readonly rateLimit: RateLimitOptions;
  readonly realm: string;
  readonly now: () => number;
  readonly lookup: (clientId: string) => RegisteredClient | undefined;
}

const secrets = new WeakMap<RegisteredClient, Uint8Array>();

function secretBytes(client: RegisteredClient): Uint8Array {
  let bytes = secrets.get(client);
  if (!bytes) {
    bytes = utf8(client.clientSecret);
    secrets.set(client, bytes);
  }
  return bytes;
}

/**
 * Authenticates the client of a token, introspection or revocation request, recording the checks
 * `client-auth`, `client-known`, `rate-limit` and `secret-matches` on the checks.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export async function authenticateClient(
  request: CoreRequest,
  params: FormParams,
  checks: CheckRecorder,
  deps: ClientAuthDeps,
): Promise<RegisteredClient> {
  const challenge = { 'WWW-Authenticate': `Basic realm=${quote(deps.realm)}, charset="UTF-8"` };
  const invalidClient = (description: string) =>
    new OAuthError('invalid_client', description, 401, challenge);

  let presented: PresentedCredentials;
  try {
    presented = presentedCredentials(request, params, checks, invalidClient);
  } catch (e) {
    proveRefusedBasic(request, checks, deps);
    throw e;
  }
  checks.clientId = presented.clientId;
  checks.credential = { kind: 'secret', value: presented.clientSecret };
  checks.authMethod = presented.method;
  checks.pass('client-auth', presented.method);

  const client = deps.lookup(presented.clientId);
  if (!client) {
    throw checks.fail(
      'client-known',
      invalidClient('Client authentication failed (unknown client or wrong secret).'),
    );
  }
  checks.pass('client-known');

  // Public demo clients (their secret is in the lesson) are never locked out: a room running the
  // wrong-secret scenario must not lock the lesson out. Every other client is.
  const guarded = client.lockout !== false;
  const key = `auth-failures:${client.clientId}`;
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

  if (!secretMatches(presented.clientSecret, secretBytes(client))) {
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
  return client;
}

/**
 * For the event only (challenge grading): whether a request refused for its form (two methods at
 * once ...) still carried a valid Basic credential of a client. The answer stays the same and
 * nothing is counted, so this tells the caller nothing.
 */
function proveRefusedBasic(request: CoreRequest, checks: CheckRecorder, deps: ClientAuthDeps) {
  const header = request.headers.get('authorization');
  const basic = header === null ? null : decodeBasicAuthorization(header);
  if (!basic?.ok) return;
  const client = deps.lookup(basic.clientId);
  if (client && secretMatches(basic.clientSecret, secretBytes(client))) {
    checks.authenticatedClientId = client.clientId;
  }
}

function presentedCredentials(
  request: CoreRequest,
  params: FormParams,
  checks: CheckRecorder,
  invalidClient: (d: string) => OAuthError,
): PresentedCredentials {
  const authorization = request.headers.get('authorization');
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  if (bodyId !== undefined) checks.clientId = bodyId;
  const assertion =
    params.get('client_assertion') !== undefined ||
    params.get('client_assertion_type') !== undefined;
  if (assertion) {
    // RFC 6749 §2.3: never more than one method in a request; RFC 7521 §4.2: an assertion this
    // server cannot check is invalid_client (a later lesson adds private_key_jwt)
    if (authorization !== null || bodySecret !== undefined) {
      throw checks.fail(
        'client-auth',
        malformed(
          'The client used two authentication methods (a client assertion and a secret); use one.',
        ),
      );
    }
    throw checks.fail(
      'client-auth',
      invalidClient(
        'This server does not accept client assertions (private_key_jwt) yet; authenticate with client_secret_basic.',
      ),
    );
  }

  if (authorization !== null) {
    const basic = decodeBasicAuthorization(authorization);
    if (basic === null) {
      throw checks.fail(
        'client-auth',
        invalidClient('Only the Basic scheme authenticates clients here (client_secret_basic).'),
      );
    }
    if (!basic.ok) {
      throw checks.fail('client-auth', malformed(basicProblemText[basic.problem]));
    }
    checks.clientId = basic.clientId;
    if (bodySecret !== undefined) {
      throw checks.fail(
        'client-auth',
        malformed(
          'The client used two authentication methods (Basic header and client_secret in the body); use one.',
        ),
      );
    }
    if (bodyId !== undefined && bodyId !== basic.clientId) {
      throw checks.fail(
        'client-auth',
        malformed('The client_id in the body differs from the one in the Basic header.'),
      );
    }
    return {
      method: 'client_secret_basic',
      clientId: basic.clientId,
      clientSecret: basic.clientSecret,
    };
  }
  if (bodySecret !== undefined && bodyId === undefined) {
    throw checks.fail('client-auth', malformed('client_secret is sent without client_id.'));
  }
  if (bodyId === undefined || bodySecret === undefined) {
    throw checks.fail(
      'client-auth',
      invalidClient(
        'Client authentication is required: send client_id and client_secret with HTTP Basic or in the form body.',
      ),
    );
  }
  return { method: 'client_secret_post', clientId: bodyId, clientSecret: bodySecret };
}
