/**
 * Helpers for the core's unit tests (imported by *.test.ts only): a server with a frozen clock,
 * a fresh key, the demo clients and an event log.
 */
import type { ClientRegistry } from './clients';
import { demoClientRegistry } from './demo-clients';
import type { RateLimitOptions } from './client-auth';
import type { AuthEvent } from './events';
import { generateSigningJwk, importSigningKey, type SigningKey } from './key-store';
import { createAuthServer, type AuthServer } from './server';
import { MemoryRegistrationStore } from './registration-store';
import type { RegistrationLimits } from './registered-clients';
import { MemoryStateStore } from './state-store';

export const ORIGIN = 'http://flowlab.test';

let sharedKey: Promise<SigningKey> | undefined;

/** One ES256 key for a whole test file (generating keys is the slow part). */
export function testKey(): Promise<SigningKey> {
  sharedKey ??= generateSigningJwk().then((jwk) => importSigningKey(jwk, 'test key'));
  return sharedKey;
}

export interface TestServer {
  readonly server: AuthServer;
  readonly events: AuthEvent[];
  readonly key: SigningKey;
  readonly state: MemoryStateStore;
  readonly registrations: MemoryRegistrationStore;
  /** The frozen clock, epoch ms; move it with `advance`. */
  now(): number;
  advance(ms: number): void;
}

export async function makeServer(
  options: {
    clients?: ClientRegistry;
    rateLimit?: RateLimitOptions;
    issuer?: string;
    start?: number;
    /** Outstanding revocations per client the state store allows. */
    revocationsPerClient?: number;
    registrationLimits?: RegistrationLimits;
  } = {},
): Promise<TestServer> {
  let t = options.start ?? Date.UTC(2030, 0, 1, 12, 0, 0);
  const now = () => t;
  const events: AuthEvent[] = [];
  const key = await testKey();
  const state = new MemoryStateStore({
    now,
    ...(options.revocationsPerClient
      ? { maxRevocationsPerClient: options.revocationsPerClient }
      : {}),
  });
  const registrations = new MemoryRegistrationStore(now);
  const server = createAuthServer({
    registrations,
    ...(options.registrationLimits ? { registrationLimits: options.registrationLimits } : {}),
    clients: options.clients ?? demoClientRegistry(),
    key,
    state,
    now,
    onEvent: (e) => events.push(e),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.issuer ? { issuer: options.issuer } : {}),
  });
  return { server, events, key, state, registrations, now, advance: (ms) => void (t += ms) };
}

export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' } as const;

/** A POST with a form body to `path` (default /token). */
export function formPost(
  body: string,
  headers: Record<string, string> = {},
  path = '/token',
): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { ...FORM, ...headers },
    body,
  });
}

/** A token request for `client_secret_post`. */
export function tokenPost(clientId: string, secret: string, extra = ''): Request {
  return formPost(
    `grant_type=client_credentials&client_id=${encodeURIComponent(clientId)}&client_secret=${encodeURIComponent(secret)}${extra}`,
  );
}

/** Gets a token for a demo client and returns it. */
export async function getToken(
  server: AuthServer,
  clientId: string,
  secret: string,
  extra = '',
): Promise<string> {
  const res = await server.token(tokenPost(clientId, secret, extra));
  if (res.status !== 200)
    throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** GET /api/data with a bearer token. */
export function apiGet(token?: string, headers: Record<string, string> = {}, query = ''): Request {
  return new Request(`${ORIGIN}/api/data${query}`, {
    headers: token === undefined ? headers : { Authorization: `Bearer ${token}`, ...headers },
  });
}

/** Reads a JSON error body. */
export async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

/** The form body of a private_key_jwt request (RFC 7523 §2.2) after `prefix` (grant, token). */
export function assertionBody(assertion: string, prefix = 'grant_type=client_credentials'): string {
  return `${prefix}&client_assertion_type=${encodeURIComponent('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')}&client_assertion=${encodeURIComponent(assertion)}`;
}
