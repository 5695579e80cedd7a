/**
 * Clients registered through `/register` as the auth core sees them: the lesson demo client's
 * scopes and token lifetime, the registration's credential (jwks, or its secret's SHA-256), its
 * clock offset and expiry; and the limits that keep registration bounded.
 */
import { base64url } from 'jose';
import type { RegisteredClient } from './clients';
import { DEMO_CLIENTS_CONFIG, LESSON_CLIENT_ID } from './demo-clients';
import type { StoredRegistration } from './registration-store';
import { isScope, type Scope } from './scopes';

/** How long a registration lives without being used; every authenticated use extends it. */
export const REGISTRATION_TTL_MS = 24 * 3600 * 1000;

/** How registration is bounded: per caller and window, and server-wide. */
export interface RegistrationLimits {
  /** Registrations one caller (source address) may make per window. */
  readonly perCaller: number;
  readonly windowMs: number;
  /** Live registrations the whole server holds at most. */
  readonly cap: number;
}

/**
 * 200 registrations per address per 10 minutes, 1,000 live at most. A class often shares one NAT
 * address, and each learner's browser registers up to four clients (its key, a client per
 * lesson's challenges, the expired-token scenario's): 40 learners in their first minutes fit.
 */
export const DEFAULT_REGISTRATION_LIMITS: RegistrationLimits = {
  perCaller: 200,
  windowMs: 600_000,
  cap: 1000,
};

const template = DEMO_CLIENTS_CONFIG.find((c) => c.client_id === LESSON_CLIENT_ID)!;

const scopesOf = (value: string | undefined): Scope[] =>
  (value ?? '').split(' ').filter((s): s is Scope => isScope(s));

/** The scopes a registered client may have: those of the lesson's demo client. */
export const LEARNER_SCOPES: readonly Scope[] = scopesOf(template.scope);
/** Granted when a registered client's token request names no scope (the demo client's default). */
const LEARNER_DEFAULT_SCOPES: readonly Scope[] = scopesOf(template.default_scope ?? template.scope);

/** A stored registration as a client the auth core authenticates. */
export function toRegisteredClient(stored: StoredRegistration): RegisteredClient {
  const allowed = scopesOf(stored.scope).filter((s) => LEARNER_SCOPES.includes(s));
  const defaults = LEARNER_DEFAULT_SCOPES.filter((s) => allowed.includes(s));
  return {
    clientId: stored.clientId,
    credential:
      stored.authMethod === 'private_key_jwt'
        ? { method: 'private_key_jwt', jwks: stored.jwks ?? { keys: [] } }
        : {
            method: 'client_secret_sha256',
            sha256: base64url.decode(stored.secretHash ?? ''),
            sends: stored.authMethod,
          },
    allowedScopes: allowed,
    defaultScopes: defaults.length > 0 ? defaults : allowed,
    grantTypes: ['client_credentials'],
    tokenLifetime: template.token_lifetime ?? 3600,
    description: stored.clientName ?? 'A learner’s registered client.',
    lockout: true,
    registration: { expiresAt: stored.expiresAt, clockOffset: stored.clockOffset },
  };
}
