/**
 * What the endpoint handlers are given (all injected: nothing here reads the environment or the
 * wall clock by itself), and the wrapper that times a request and reports its event exactly once.
 */
import { CHECKS_HEADER, serializeChecks } from '../protocol/checks';
import { RESOURCE_PATH } from '../protocol/paths';
import { REGISTERED_CLIENT_PREFIX } from '../protocol/registration';
import type { ClientRegistry, RegisteredClient } from './clients';
import { DEFAULT_RATE_LIMIT, type ClientAuthDeps, type RateLimitOptions } from './client-auth';
import { errorResponse, jsonResponse, OAuthError } from './errors';
import type { AuthEndpoint, AuthEventSink } from './events';
import type { SigningKey } from './key-store';
import {
  DEFAULT_REGISTRATION_LIMITS,
  REGISTRATION_TTL_MS,
  toRegisteredClient,
  type RegistrationLimits,
} from './registered-clients';
import type { RegistrationStore } from './registration-store';
import type { StateStore } from './state-store';
import { CheckRecorder } from './check-recorder';
import type { CoreRequest, CoreResponse } from './http';

/** What an authorization server is built from: clients, signing key, state store and options. */
export interface AuthServerDeps {
  readonly clients: ClientRegistry;
  readonly key: SigningKey;
  readonly state: StateStore;
  /** Epoch milliseconds; defaults to Date.now. Tests pass a frozen clock. */
  readonly now?: () => number;
  /** Called once per handled token / API / introspection / revocation request. */
  readonly onEvent?: AuthEventSink;
  /** Fixed issuer identifier; when absent, the origin of each incoming request. */
  readonly issuer?: string;
  readonly rateLimit?: RateLimitOptions;
  /** Seconds of clock skew the API tolerates on exp / nbf / iat. Default 2. */
  readonly clockTolerance?: number;
  /** The `realm` of WWW-Authenticate challenges. Default "FlowLab". */
  readonly realm?: string;
  /** Clients registered through `/register`; without it, registration answers 404. */
  readonly registrations?: RegistrationStore;
  readonly registrationLimits?: RegistrationLimits;
}

/** The dependencies with defaults filled in. */
export interface Ctx {
  readonly clients: ClientRegistry;
  readonly key: SigningKey;
  readonly state: StateStore;
  readonly now: () => number;
  /** Absent when nobody listens: then no event is built at all. */
  readonly onEvent: AuthEventSink | undefined;
  readonly issuer: string | undefined;
  readonly clockTolerance: number;
  readonly realm: string;
  readonly auth: ClientAuthDeps;
  readonly registrations: RegistrationStore | undefined;
  readonly registrationLimits: RegistrationLimits;
  /**
   * A token's client as it is now: undefined once it is gone, else the seconds its clock runs
   * ahead (its own setting; 0 for any configured client). See `VerifyOptions.client`.
   */
  readonly tokenClient: (clientId: string) => Promise<{ readonly clockOffset: number } | undefined>;
}

/** Fills in {@link AuthServerDeps} defaults: clock, realm, issuer without a trailing slash. */
export function resolveDeps(deps: AuthServerDeps): Ctx {
  const now = deps.now ?? Date.now;
  const realm = deps.realm ?? 'FlowLab';
  const issuer = deps.issuer?.replace(/\/+$/, '');
  const { registrations } = deps;
  const clockTolerance = deps.clockTolerance ?? 2;
  const registered = async (id: string) => {
    if (!registrations || !id.startsWith(REGISTERED_CLIENT_PREFIX)) return null;
    return registrations.get(id);
  };
  const lookup = async (id: string): Promise<RegisteredClient | undefined> => {
    if (!id.startsWith(REGISTERED_CLIENT_PREFIX)) return deps.clients.get(id);
    const stored = await registered(id);
    return stored ? toRegisteredClient(stored) : undefined;
  };
  // sliding expiry: extend on use, at most one write a minute per client
  const used = async (client: RegisteredClient) => {
    const expiresAt = now() + REGISTRATION_TTL_MS;
    if (!registrations || !client.registration) return;
    if (expiresAt - client.registration.expiresAt < 60_000) return;
    await registrations.update(client.clientId, { expiresAt });
  };
  return {
    clients: deps.clients,
    key: deps.key,
    state: deps.state,
    now,
    onEvent: deps.onEvent,
    issuer,
    clockTolerance,
    realm,
    auth: {
      state: deps.state,
      rateLimit: deps.rateLimit ?? DEFAULT_RATE_LIMIT,
      realm,
      now,
      clockTolerance,
      lookup,
      used,
    },
    registrations,
    registrationLimits: deps.registrationLimits ?? DEFAULT_REGISTRATION_LIMITS,
    tokenClient: async (id) => {
      const client = await lookup(id);
      return client && { clockOffset: client.registration?.clockOffset ?? 0 };
    },
  };
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The URL as the client addressed it: scheme from `X-Forwarded-Proto` (http or https) or the
 * request URL, host from the `Host` header when it is a valid host (frameworks such as Next.js
 * may rebuild `request.url` with their own host name), path and query from the request URL.
 */
export function publicUrl(request: CoreRequest): URL {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new URL('http://invalid/');
  }
  const host = request.headers.get('host');
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const proto =
    forwarded === 'http' || forwarded === 'https' ? forwarded : url.protocol.slice(0, -1);
  const origin = `${proto}://${host && HOST.test(host) ? host : url.host}`;
  try {
    return new URL(`${url.pathname}${url.search}`, origin);
  } catch {
    return url;
  }
}

/**
 * The issuer identifier for a request: the configured one, else the request's origin (so metadata
 * fetched from http://127.0.0.1:3000 names http://127.0.0.1:3000, as RFC 8414 §3.3 requires).
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function issuerFor(ctx: Ctx, url: URL): string {
  return ctx.issuer ?? url.origin;
}

/**
 * The protected resource identifier, which is also the `aud` of every access token.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-1.2
 */
export function resourceFor(issuer: string): string {
  return `${issuer}${RESOURCE_PATH}`;
}

/** An endpoint body: gets the checks and the parsed URL; returns a response or throws OAuthError. */
export type EndpointBody = (checks: CheckRecorder, url: URL) => Promise<CoreResponse>;

/**
 * Runs one endpoint request: turns a thrown {@link OAuthError} into its response (anything else
 * into a 500, which no client input should reach), lists its checks in the `FlowLab-Checks`
 * header, then reports the event once (with the same checks).
 */
export async function handle(
  ctx: Ctx,
  endpoint: AuthEndpoint,
  request: CoreRequest,
  body: EndpointBody,
  toResponse: (error: OAuthError, url: URL) => CoreResponse = (e) => errorResponse(e),
): Promise<CoreResponse> {
  const at = ctx.now();
  const started = performance.now();
  const checks = new CheckRecorder();
  const url = publicUrl(request);
  let response: CoreResponse;
  let error: string | undefined;
  try {
    response = await body(checks, url);
    error = checks.error;
  } catch (e) {
    if (e instanceof OAuthError) {
      response = toResponse(e, url);
      error = e.code;
    } else {
      response = jsonResponse(
        { error: 'server_error', error_description: 'Unexpected server error.' },
        500,
      );
      error = 'server_error';
      // the message stays in the server log: a check detail never carries internals
      console.error('FlowLab: unexpected error in an endpoint', e);
      checks.note('server', 'unexpected error');
    }
  }
  response = withChecksHeader(response, checks);
  if (!ctx.onEvent) return response;
  try {
    ctx.onEvent(
      checks.toEvent(
        {
          at,
          endpoint,
          method: request.method,
          path: url.pathname,
          durationMs: performance.now() - started,
        },
        response,
        error,
      ),
    );
  } catch {
    // a listener's failure must not change the response
  }
  return response;
}

/** The response with the `FlowLab-Checks` header listing the checks made, in order. */
function withChecksHeader(response: CoreResponse, checks: CheckRecorder): CoreResponse {
  return {
    ...response,
    headers: { ...response.headers, [CHECKS_HEADER]: serializeChecks(checks.checks) },
  };
}

/**
 * The `method` check: 405 with `Allow` for any other method. A GET endpoint answers HEAD too, as
 * every general-purpose server must (RFC 9110 §9.1); the adapters send no body for it.
 */
export function requireMethod(
  checks: CheckRecorder,
  request: CoreRequest,
  allowed: 'GET' | 'POST',
  extra: Record<string, string> = {},
): void {
  const methods = allowed === 'GET' ? ['GET', 'HEAD'] : [allowed];
  if (!methods.includes(request.method)) {
    throw checks.fail(
      'method',
      new OAuthError(
        'method_not_allowed',
        `Use ${allowed}; no other method is allowed here.`,
        405,
        {
          Allow: methods.join(', '),
          ...extra,
        },
      ),
    );
  }
  checks.pass('method');
}
