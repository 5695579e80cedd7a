/**
 * The client metadata of `POST /register` (RFC 7591 §2), checked field by field with the precise
 * `invalid_client_metadata` description, and the registration response built from what is stored.
 */
import {
  REGISTRATION_AUTH_METHODS,
  type JwkSet,
  type RegistrationAuthMethod,
  type RegistrationResponse,
} from '../protocol/registration';
import { registrationPath } from '../protocol/paths';
import { OAuthError } from './errors';
import { jwksImports, parsePublicJwks } from './jwks';
import { LEARNER_SCOPES } from './registered-clients';
import type { StoredRegistration } from './registration-store';

/** The metadata a registration keeps, validated. */
export interface ClientMetadata {
  readonly authMethod: RegistrationAuthMethod;
  readonly jwks?: JwkSet;
  readonly clientName?: string;
  readonly scope: string;
}

/** An `invalid_client_metadata` error. @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2 */
export function invalidMetadata(description: string): OAuthError {
  return new OAuthError('invalid_client_metadata', description, 400);
}

/**
 * Validates a registration request body. Unknown members are ignored (RFC 7591 §2); the known
 * ones must be what FlowLab can honour: client credentials only, jwks by value only.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export async function parseClientMetadata(json: unknown): Promise<ClientMetadata> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw invalidMetadata('The body must be a JSON object of client metadata.');
  }
  const m = json as Record<string, unknown>;
  const method = m.token_endpoint_auth_method ?? 'client_secret_basic';
  if (!(REGISTRATION_AUTH_METHODS as readonly unknown[]).includes(method)) {
    throw invalidMetadata(
      `token_endpoint_auth_method must be one of ${REGISTRATION_AUTH_METHODS.join(', ')}.`,
    );
  }
  const authMethod = method as RegistrationAuthMethod;
  if (m.grant_types !== undefined) {
    const g = m.grant_types;
    if (!Array.isArray(g) || g.length !== 1 || g[0] !== 'client_credentials') {
      throw invalidMetadata('grant_types may only be ["client_credentials"].');
    }
  }
  if (m.jwks_uri !== undefined) {
    throw invalidMetadata('jwks_uri is not supported: send the public keys by value in jwks.');
  }
  let jwks: JwkSet | undefined;
  if (authMethod === 'private_key_jwt') {
    if (m.jwks === undefined)
      throw invalidMetadata('private_key_jwt needs jwks (the public keys).');
    const parsed = parsePublicJwks(m.jwks);
    if (!parsed.ok) throw invalidMetadata(parsed.problem);
    if (!(await jwksImports(parsed.jwks))) {
      throw invalidMetadata('jwks holds a key that is not a valid public key (not on its curve?).');
    }
    jwks = parsed.jwks;
  } else if (m.jwks !== undefined) {
    throw invalidMetadata('jwks is only for token_endpoint_auth_method private_key_jwt.');
  }
  const name = m.client_name;
  if (name !== undefined && (typeof name !== 'string' || !/^[^\p{Cc}]{1,100}$/u.test(name))) {
    throw invalidMetadata('client_name must be 1-100 characters without control characters.');
  }
  let scope = LEARNER_SCOPES.join(' ');
  if (m.scope !== undefined) {
    const asked = typeof m.scope === 'string' ? m.scope.split(' ').filter(Boolean) : [];
    if (asked.length === 0 || !asked.every((s) => (LEARNER_SCOPES as string[]).includes(s))) {
      throw invalidMetadata(`scope must be space-delimited scopes from: ${scope}.`);
    }
    scope = [...new Set(asked)].join(' ');
  }
  return {
    authMethod,
    ...(jwks ? { jwks } : {}),
    ...(typeof name === 'string' ? { clientName: name } : {}),
    scope,
  };
}

/**
 * The registration's public metadata (never a secret or a hash), with `extra` such as a secret
 * or token issued just now.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-3
 */
export function registrationResponse(
  stored: StoredRegistration,
  issuer: string,
  extra: { client_secret?: string; registration_access_token?: string } = {},
): RegistrationResponse {
  const expiresAtSeconds = Math.floor(stored.expiresAt / 1000);
  return {
    client_id: stored.clientId,
    client_id_issued_at: stored.issuedAt,
    // the secret lives as long as the registration: 0 would tell a client it never expires
    ...(extra.client_secret === undefined
      ? {}
      : { client_secret: extra.client_secret, client_secret_expires_at: expiresAtSeconds }),
    ...(extra.registration_access_token === undefined
      ? {}
      : { registration_access_token: extra.registration_access_token }),
    registration_client_uri: `${issuer}${registrationPath(stored.clientId)}`,
    token_endpoint_auth_method: stored.authMethod,
    grant_types: ['client_credentials'],
    scope: stored.scope,
    ...(stored.jwks ? { jwks: stored.jwks } : {}),
    ...(stored.clientName === undefined ? {} : { client_name: stored.clientName }),
    flowlab_expires_at: expiresAtSeconds,
    clock_offset_seconds: stored.clockOffset,
  };
}
