/**
 * The client registry: who may ask the authorization server for tokens, with which secret, for
 * which scopes and for how long. The demo clients are public teaching credentials; a deployment
 * can replace them with a JSON file or an environment variable (see `parseClientsConfig`).
 */
import { PRESENTER_SCOPE, SCOPES, isScope, type Scope } from './scopes';

/** The grant types a client may be allowed. FlowLab implements only client credentials. */
export const GRANT_TYPES = ['client_credentials', 'authorization_code'] as const;
/** A grant type a client may be allowed. */
export type GrantType = (typeof GRANT_TYPES)[number];

/** A registered confidential client. */
export interface RegisteredClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly allowedScopes: readonly Scope[];
  /** Granted when the request names no scope. */
  readonly defaultScopes: readonly Scope[];
  readonly grantTypes: readonly GrantType[];
  /** Access token lifetime, seconds. */
  readonly tokenLifetime: number;
  /** What the client is for, in plain words. */
  readonly description: string;
  /**
   * Whether wrong secrets lock this client out for a while (default true). Off only for clients
   * whose secret is published anyway, such as the lesson's demo clients: a room full of learners
   * running the wrong-secret scenario must not lock the lesson out.
   */
  readonly lockout?: boolean;
  /**
   * Whether this client is a resource server that may introspect any client's tokens (default
   * false): every other client may introspect only its own (RFC 7662 §4, against token scanning).
   */
  readonly introspectAny?: boolean;
}

/** Looks clients up by id; replaceable by any implementation (a database, a file ...). */
export interface ClientRegistry {
  get(clientId: string): RegisteredClient | undefined;
  list(): readonly RegisteredClient[];
}

/** A registry over a fixed list of clients. */
export function createClientRegistry(clients: readonly RegisteredClient[]): ClientRegistry {
  const byId = new Map(clients.map((c) => [c.clientId, c] as const));
  if (byId.size !== clients.length) throw new Error('Client ids must be unique.');
  return { get: (id) => byId.get(id), list: () => clients };
}

/** The JSON shape of one client in `FLOWLAB_CLIENTS` / `FLOWLAB_CLIENTS_FILE` (RFC 7591 names). */
export interface ClientConfigJson {
  client_id: string;
  client_secret: string;
  /** Space-delimited allowed scopes. */
  scope: string;
  /** Space-delimited scopes granted when none is asked; defaults to `scope`. */
  default_scope?: string;
  /** Defaults to `["client_credentials"]`. */
  grant_types?: string[];
  /** Seconds; defaults to 3600. */
  token_lifetime?: number;
  description?: string;
  /** Defaults to true: wrong secrets lock the client out (see `FLOWLAB_RATE_LIMIT`). */
  lockout?: boolean;
  /** Defaults to false: true for a resource server that may introspect any client's tokens. */
  introspect_any?: boolean;
}

/** The demo clients every FlowLab serves unless configured otherwise. */
export const DEMO_CLIENTS_CONFIG: readonly ClientConfigJson[] = [
  {
    client_id: 'abc',
    lockout: false,
    client_secret: 'xyz',
    scope: 'data:read data:write',
    default_scope: 'data:read',
    description: 'The lesson’s main client (execution table example).',
  },
  {
    client_id: 'myapp123',
    lockout: false,
    client_secret: 'secret456',
    scope: 'data:read',
    description: 'The client of the syntax examples, curl line and Python program.',
  },
  {
    client_id: 'abc123',
    lockout: false,
    client_secret: 'secret456',
    scope: 'data:read',
    description: 'The client of the practice questions.',
  },
  {
    client_id: 'reporting-bot',
    client_secret: 'reports-secret',
    scope: 'reports:read',
    description: 'Gets tokens without data:read, so GET /api/data answers 403 insufficient_scope.',
  },
  {
    client_id: 'short-lived',
    client_secret: 'short-secret',
    scope: 'data:read',
    token_lifetime: 2,
    description: 'Its tokens live 2 seconds: the expired-token scenario.',
  },
  {
    client_id: 'legacy-portal',
    client_secret: 'portal-secret',
    scope: 'data:read',
    grant_types: ['authorization_code'],
    description: 'Not allowed the client credentials grant: unauthorized_client.',
  },
  {
    client_id: 'resource-server',
    client_secret: 'resource-secret',
    scope: 'data:read',
    introspect_any: true,
    description:
      'A resource server: may introspect any client’s tokens (every other client only its own).',
  },
  {
    client_id: 'lockout-demo',
    client_secret: 'lockout-secret',
    scope: 'data:read',
    description:
      'For the brute-force scenario: lock it out with wrong secrets without locking out the others.',
  },
];

/** The instructor's client id: a confidential client of FlowLab's own authorization server. */
export const INSTRUCTOR_CLIENT_ID = 'instructor';

/** How long an instructor's token (and so a presenter's sign-in) lasts: a teaching day. */
export const INSTRUCTOR_TOKEN_LIFETIME = 8 * 3600;

/**
 * The instructor client, whose secret is the instructor key (`FLOWLAB_INSTRUCTOR_KEY` or the
 * generated one): the only client allowed {@link PRESENTER_SCOPE}. Wrong keys lock it out like
 * any other confidential client.
 */
export function instructorClient(key: string): RegisteredClient {
  return {
    clientId: INSTRUCTOR_CLIENT_ID,
    clientSecret: key,
    allowedScopes: [PRESENTER_SCOPE],
    defaultScopes: [PRESENTER_SCOPE],
    grantTypes: ['client_credentials'],
    tokenLifetime: INSTRUCTOR_TOKEN_LIFETIME,
    description: 'The instructor: presenter view, live feed, rooms and polls.',
    lockout: true,
  };
}

/**
 * The registry plus the instructor client (whose id the configuration may not use). `list()`
 * still lists only the configured clients: pages print those secrets, never the instructor's.
 */
export function withInstructor(registry: ClientRegistry, key: string): ClientRegistry {
  const instructor = instructorClient(key);
  return {
    get: (id) => (id === INSTRUCTOR_CLIENT_ID ? instructor : registry.get(id)),
    list: () => registry.list(),
  };
}

/** Why a clients configuration was refused, with the path of the bad field. */
export class ClientConfigError extends Error {
  constructor(message: string) {
    super(`Invalid FlowLab clients configuration: ${message}`);
    this.name = 'ClientConfigError';
  }
}

function scopesOf(where: string, field: string, value: unknown): Scope[] {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ClientConfigError(`${where}.${field} must be a non-empty space-delimited string.`);
  }
  const list = value.split(' ').filter(Boolean);
  for (const s of list) {
    if (!isScope(s)) {
      throw new ClientConfigError(
        `${where}.${field} has the unknown scope "${s}" (known: ${SCOPES.join(', ')}).`,
      );
    }
    if (s === PRESENTER_SCOPE) {
      throw new ClientConfigError(
        `${where}.${field}: "${s}" is reserved for the built-in instructor client.`,
      );
    }
  }
  return [...new Set(list)] as Scope[];
}

/**
 * Validates a clients configuration (an array of {@link ClientConfigJson}) and builds the
 * registered clients. Throws a {@link ClientConfigError} naming the first bad field.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export function parseClientsConfig(input: unknown): RegisteredClient[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new ClientConfigError('expected a non-empty JSON array of clients.');
  }
  const seen = new Set<string>();
  return input.map((raw: unknown, i) => {
    const where = `clients[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ClientConfigError(`${where} must be an object.`);
    }
    const c = raw as Record<string, unknown>;
    const id = c.client_id;
    if (typeof id !== 'string' || !/^[\x20-\x7E]{1,100}$/.test(id)) {
      throw new ClientConfigError(`${where}.client_id must be 1-100 printable ASCII characters.`);
    }
    if (seen.has(id)) throw new ClientConfigError(`${where}.client_id "${id}" is used twice.`);
    if (id === INSTRUCTOR_CLIENT_ID) {
      throw new ClientConfigError(
        `${where}.client_id "${id}" is reserved for the instructor (set FLOWLAB_INSTRUCTOR_KEY instead).`,
      );
    }
    seen.add(id);
    const secret = c.client_secret;
    if (typeof secret !== 'string' || secret.length === 0 || secret.length > 200) {
      throw new ClientConfigError(`${where}.client_secret must be a string of 1-200 characters.`);
    }
    const allowed = scopesOf(where, 'scope', c.scope);
    const defaults =
      c.default_scope === undefined ? allowed : scopesOf(where, 'default_scope', c.default_scope);
    for (const s of defaults) {
      if (!allowed.includes(s)) {
        throw new ClientConfigError(`${where}.default_scope "${s}" is not in its scope.`);
      }
    }
    const grants = c.grant_types ?? ['client_credentials'];
    if (
      !Array.isArray(grants) ||
      !grants.every((g): g is GrantType => (GRANT_TYPES as readonly unknown[]).includes(g))
    ) {
      throw new ClientConfigError(
        `${where}.grant_types must be an array of ${GRANT_TYPES.map((g) => `"${g}"`).join(', ')}.`,
      );
    }
    const lifetime = c.token_lifetime ?? 3600;
    if (
      typeof lifetime !== 'number' ||
      !Number.isInteger(lifetime) ||
      lifetime < 1 ||
      lifetime > 86_400
    ) {
      throw new ClientConfigError(
        `${where}.token_lifetime must be an integer from 1 to 86400 seconds.`,
      );
    }
    const lockout = c.lockout ?? true;
    if (typeof lockout !== 'boolean') {
      throw new ClientConfigError(`${where}.lockout must be true or false.`);
    }
    const introspectAny = c.introspect_any ?? false;
    if (typeof introspectAny !== 'boolean') {
      throw new ClientConfigError(`${where}.introspect_any must be true or false.`);
    }
    const description = c.description ?? '';
    if (typeof description !== 'string') {
      throw new ClientConfigError(`${where}.description must be a string.`);
    }
    return {
      clientId: id,
      clientSecret: secret,
      allowedScopes: allowed,
      defaultScopes: defaults,
      grantTypes: grants,
      tokenLifetime: lifetime,
      description,
      lockout,
      introspectAny,
    };
  });
}

/** The registry of the demo clients. */
export function demoClientRegistry(): ClientRegistry {
  return createClientRegistry(parseClientsConfig(DEMO_CLIENTS_CONFIG));
}
