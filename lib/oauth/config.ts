/**
 * Reads FlowLab's configuration from the environment (Node only): clients, signing key, data
 * folder, issuer, rate limit. Every bad value fails with a message naming the variable.
 *
 * | variable | meaning |
 * | --- | --- |
 * | `FLOWLAB_ISSUER` | fixed issuer identifier (else each request's origin) |
 * | `FLOWLAB_SIGNING_KEY` | private JWK (JSON) that signs access tokens |
 * | `FLOWLAB_DATA_DIR` | folder for the generated key (default `.data`) |
 * | `FLOWLAB_CLIENTS` | clients as JSON (replaces the demo clients) |
 * | `FLOWLAB_CLIENTS_FILE` | path of a JSON file with the clients |
 * | `FLOWLAB_RATE_LIMIT` | `<failures>/<seconds>`, wrong secrets per client and window (default `10/60`) |
 * | `FLOWLAB_REVOCATIONS_PER_CLIENT` | outstanding revocations per client (default 10,000) |
 * | `FLOWLAB_INSTRUCTOR_KEY` | the instructor client's secret (else generated into the data folder) |
 * | `FLOWLAB_REGISTRATION_LIMIT` | `<registrations>/<seconds>` per caller address (default `200/600`) |
 * | `FLOWLAB_REGISTRATION_CAP` | live registered clients server-wide (default 1000) |
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './client-auth';
import { ClientConfigError, parseClientsConfig } from './client-config';
import { createClientRegistry, withInstructor, type ClientRegistry } from './clients';
import { demoClientRegistry } from './demo-clients';
import type { AuthServerDeps } from './context';
import { createFileOnce, loadSigningKey } from './key-store';
import { DEFAULT_REGISTRATION_LIMITS, type RegistrationLimits } from './registered-clients';
import { DEFAULT_REVOCATIONS_PER_CLIENT, MemoryStateStore } from './state-store';

type Env = Readonly<Record<string, string | undefined>>;

/** The client registry from `FLOWLAB_CLIENTS_FILE` or `FLOWLAB_CLIENTS`, else the demo clients. */
export function loadClientRegistry(env: Env): ClientRegistry {
  const file = env.FLOWLAB_CLIENTS_FILE;
  const inline = env.FLOWLAB_CLIENTS;
  if (file && inline) {
    throw new ClientConfigError('set FLOWLAB_CLIENTS or FLOWLAB_CLIENTS_FILE, not both.');
  }
  let text: string;
  let source: string;
  if (file) {
    source = `FLOWLAB_CLIENTS_FILE (${resolve(file)})`;
    try {
      text = readFileSync(/* turbopackIgnore: true */ file, 'utf8');
    } catch (e) {
      throw new ClientConfigError(`${source} cannot be read: ${(e as Error).message}`);
    }
  } else if (inline) {
    source = 'FLOWLAB_CLIENTS';
    text = inline;
  } else {
    return demoClientRegistry();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ClientConfigError(`${source} is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return createClientRegistry(parseClientsConfig(json));
  } catch (e) {
    throw new ClientConfigError(
      `${source}: ${(e as Error).message.replace(/^Invalid FlowLab clients configuration: /, '')}`,
    );
  }
}

/** A `<count>/<seconds>` rate of the variable `name`, or null when unset. */
function parseRate(name: string, value: string | undefined, what: string) {
  if (value === undefined || value.trim() === '') return null;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
    throw new Error(`${name} must look like "10/60" (${what}/seconds), got "${value}".`);
  }
  return { count: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

/** `FLOWLAB_RATE_LIMIT` (`10/60` = 10 wrong secrets per client per 60 s). */
export function parseRateLimit(value: string | undefined): RateLimitOptions {
  const rate = parseRate('FLOWLAB_RATE_LIMIT', value, 'failures');
  return rate ? { maxFailures: rate.count, windowMs: rate.windowMs } : DEFAULT_RATE_LIMIT;
}

/** `FLOWLAB_REGISTRATION_LIMIT` (per caller address) and `FLOWLAB_REGISTRATION_CAP` (server-wide). */
export function parseRegistrationLimits(env: Env): RegistrationLimits {
  const rate = parseRate(
    'FLOWLAB_REGISTRATION_LIMIT',
    env.FLOWLAB_REGISTRATION_LIMIT,
    'registrations',
  );
  const capText = env.FLOWLAB_REGISTRATION_CAP;
  const cap =
    capText === undefined || capText.trim() === ''
      ? DEFAULT_REGISTRATION_LIMITS.cap
      : Number(capText);
  if (!Number.isInteger(cap) || cap < 0 || cap > 1_000_000) {
    throw new Error(
      `FLOWLAB_REGISTRATION_CAP must be a whole number from 0 to 1000000, got "${capText}".`,
    );
  }
  return {
    perCaller: rate?.count ?? DEFAULT_REGISTRATION_LIMITS.perCaller,
    windowMs: rate?.windowMs ?? DEFAULT_REGISTRATION_LIMITS.windowMs,
    cap,
  };
}

/**
 * `FLOWLAB_REVOCATIONS_PER_CLIENT`: outstanding revocations one client may hold (default
 * 10,000), which bounds their memory: revocations last until their token expires, and past the
 * limit a new one is refused, or for a demo client (a published secret) takes the place of the
 * one that expires soonest.
 */
export function parseRevocationLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_REVOCATIONS_PER_CLIENT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) {
    throw new Error(
      `FLOWLAB_REVOCATIONS_PER_CLIENT must be a whole number from 1 to 10000000, got "${value}".`,
    );
  }
  return n;
}

/** `FLOWLAB_ISSUER`, checked to be an http(s) URL without query or fragment. */
export function parseIssuer(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`FLOWLAB_ISSUER must be an absolute URL, got "${value}".`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new Error(
      `FLOWLAB_ISSUER must be an http(s) URL without query or fragment, got "${value}".`,
    );
  }
  return value.replace(/\/+$/, '');
}

/** The data folder (`FLOWLAB_DATA_DIR`, default `.data`), absolute. */
export function dataDirOf(env: Env): string {
  return resolve(/* turbopackIgnore: true */ process.cwd(), env.FLOWLAB_DATA_DIR || '.data');
}

/** File name of the generated instructor key inside the data folder. */
export const INSTRUCTOR_KEY_FILE_NAME = 'instructor-key';

/** The instructor key and where it came from (the start-up log prints only a generated one). */
export interface InstructorKey {
  readonly key: string;
  /** `env`: FLOWLAB_INSTRUCTOR_KEY; `file`: the data folder's; `generated`: created just now. */
  readonly source: 'env' | 'file' | 'generated';
  /** The key file, unless the key came from the environment. */
  readonly path?: string;
}

/** A strong key: 16-200 printable ASCII characters, no spaces (it travels in a URL and Basic). */
const KEY_SHAPE = /^[\x21-\x7E]{16,200}$/;

/**
 * The instructor key: `FLOWLAB_INSTRUCTOR_KEY` when set, else the key file in the data folder,
 * generated once (256 random bits, mode 0600) and created atomically like the signing key.
 */
export async function loadInstructorKey(env: Env): Promise<InstructorKey> {
  const fromEnv = env.FLOWLAB_INSTRUCTOR_KEY;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!KEY_SHAPE.test(fromEnv)) {
      throw new Error(
        'FLOWLAB_INSTRUCTOR_KEY must be 16-200 printable ASCII characters without spaces.',
      );
    }
    return { key: fromEnv, source: 'env' };
  }
  const dir = dataDirOf(env);
  const path = join(dir, INSTRUCTOR_KEY_FILE_NAME);
  const read = async (): Promise<string | null> => {
    try {
      return (await readFile(path, 'utf8')).trim();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  let key = await read();
  let created = false;
  if (key === null) {
    created = await createFileOnce(
      dir,
      INSTRUCTOR_KEY_FILE_NAME,
      `${randomBytes(32).toString('base64url')}\n`,
    );
    key = await read();
  }
  if (key === null || !KEY_SHAPE.test(key)) {
    throw new Error(
      `The instructor key file ${path} is not a key (16-200 printable characters). Delete it to generate a new one, or set FLOWLAB_INSTRUCTOR_KEY.`,
    );
  }
  return { key, source: created ? 'generated' : 'file', path };
}

/**
 * Everything `createAuthServer` needs, from the environment: the signing key and the instructor
 * key are loaded (or generated into the data folder) once here; the registry gains the
 * instructor client; the state store is a fresh in-memory one.
 */
export async function loadAuthServerDeps(env: Env = process.env): Promise<AuthServerDeps> {
  const rateLimit = parseRateLimit(env.FLOWLAB_RATE_LIMIT);
  const issuer = parseIssuer(env.FLOWLAB_ISSUER);
  const registrationLimits = parseRegistrationLimits(env);
  const [key, instructor] = await Promise.all([
    loadSigningKey({ envJwk: env.FLOWLAB_SIGNING_KEY, dataDir: dataDirOf(env) }),
    loadInstructorKey(env),
  ]);
  const clients = withInstructor(loadClientRegistry(env), instructor.key);
  const state = new MemoryStateStore({
    maxRevocationsPerClient: parseRevocationLimit(env.FLOWLAB_REVOCATIONS_PER_CLIENT),
  });
  return { clients, key, rateLimit, registrationLimits, state, ...(issuer ? { issuer } : {}) };
}
