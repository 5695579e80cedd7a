/**
 * Clients configuration: the JSON shape of `FLOWLAB_CLIENTS` / `FLOWLAB_CLIENTS_FILE` and its
 * validation into registered clients.
 */
import { REGISTERED_CLIENT_PREFIX, REGISTRATION_AUTH_METHODS } from '../protocol/registration';
import {
  GRANT_TYPES,
  INSTRUCTOR_CLIENT_ID,
  type ClientCredential,
  type GrantType,
  type RegisteredClient,
} from './clients';
import { parsePublicJwks } from './jwks';
import { PRESENTER_SCOPE, SCOPES, isScope, type Scope } from './scopes';

/** The JSON shape of one client in `FLOWLAB_CLIENTS` / `FLOWLAB_CLIENTS_FILE` (RFC 7591 names). */
export interface ClientConfigJson {
  client_id: string;
  /** Required for the secret methods; absent for `private_key_jwt`. */
  client_secret?: string;
  /** Defaults to `client_secret_basic` (a secret client may also use client_secret_post). */
  token_endpoint_auth_method?: (typeof REGISTRATION_AUTH_METHODS)[number];
  /** The client's public keys: required for, and only for, `private_key_jwt`. */
  jwks?: { keys: Record<string, unknown>[] };
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

/** The client's credential: a secret, or (private_key_jwt) its validated public keys. */
function credentialOf(where: string, c: Record<string, unknown>): ClientCredential {
  const method = c.token_endpoint_auth_method ?? 'client_secret_basic';
  if (!(REGISTRATION_AUTH_METHODS as readonly unknown[]).includes(method)) {
    throw new ClientConfigError(
      `${where}.token_endpoint_auth_method must be one of ${REGISTRATION_AUTH_METHODS.map((m) => `"${m}"`).join(', ')}.`,
    );
  }
  if (method === 'private_key_jwt') {
    if (c.client_secret !== undefined) {
      throw new ClientConfigError(
        `${where}.client_secret must be absent: a private_key_jwt client has no secret.`,
      );
    }
    const jwks = parsePublicJwks(c.jwks, `${where}.jwks`);
    if (!jwks.ok) throw new ClientConfigError(jwks.problem);
    return { method: 'private_key_jwt', jwks: jwks.jwks };
  }
  if (c.jwks !== undefined) {
    throw new ClientConfigError(
      `${where}.jwks is only for token_endpoint_auth_method "private_key_jwt".`,
    );
  }
  const secret = c.client_secret;
  if (typeof secret !== 'string' || secret.length === 0 || secret.length > 200) {
    throw new ClientConfigError(`${where}.client_secret must be a string of 1-200 characters.`);
  }
  return { method: 'client_secret', secret };
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
    if (id.startsWith(REGISTERED_CLIENT_PREFIX)) {
      throw new ClientConfigError(
        `${where}.client_id "${id}": ids starting with "${REGISTERED_CLIENT_PREFIX}" are reserved for registered clients.`,
      );
    }
    seen.add(id);
    const credential = credentialOf(where, c);
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
      credential,
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
