/**
 * The shapes of FlowLab's client registration (modelled on RFC 7591 / RFC 7592): what a learner's
 * browser sends to register its public key as a short-lived client, what the server answers, and
 * the per-client clock offset. Shared by the server, the lesson and the tests.
 */

/** Every registered client's id starts so (`learner-<random>`); configured clients may not. */
export const REGISTERED_CLIENT_PREFIX = 'learner-';

/** The client authentication methods a client may register with. @see https://www.rfc-editor.org/rfc/rfc7591#section-2 */
export const REGISTRATION_AUTH_METHODS = [
  'private_key_jwt',
  'client_secret_basic',
  'client_secret_post',
] as const;
/** One of {@link REGISTRATION_AUTH_METHODS}. */
export type RegistrationAuthMethod = (typeof REGISTRATION_AUTH_METHODS)[number];

/** A public JWK as registered (only the public members are accepted). @see https://www.rfc-editor.org/rfc/rfc7517#section-4 */
export type PublicJwk = Readonly<Record<string, unknown>> & { readonly kty: string };

/** A JWK Set. @see https://www.rfc-editor.org/rfc/rfc7517#section-5 */
export interface JwkSet {
  readonly keys: readonly PublicJwk[];
}

/** The body of `POST /register`. @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1 */
export interface RegistrationRequest {
  readonly token_endpoint_auth_method: RegistrationAuthMethod;
  /** Required for, and only for, `private_key_jwt`. */
  readonly jwks?: JwkSet;
  readonly client_name?: string;
  /** Space-delimited; defaults to (and is limited to) the lesson demo client's scopes. */
  readonly scope?: string;
}

/** The `201` answer of `POST /register` (and, without the secret, of `GET`). @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1 */
export interface RegistrationResponse {
  readonly client_id: string;
  /** Epoch seconds. */
  readonly client_id_issued_at: number;
  /** Only for the secret methods, and only when it is issued (registration, rotation). */
  readonly client_secret?: string;
  /** With the secret: epoch seconds when it lapses with its registration, as flowlab_expires_at. */
  readonly client_secret_expires_at?: number;
  /** Only in the registration answer: the server keeps only its hash. */
  readonly registration_access_token?: string;
  readonly registration_client_uri: string;
  readonly token_endpoint_auth_method: RegistrationAuthMethod;
  readonly grant_types: readonly ['client_credentials'];
  readonly scope: string;
  readonly jwks?: JwkSet;
  readonly client_name?: string;
  /** Epoch seconds when the registration expires unless it is used (each use extends it). */
  readonly flowlab_expires_at: number;
  /** The client's clock offset, seconds (0 unless set through the clock endpoint). */
  readonly clock_offset_seconds: number;
}

/** The largest clock offset a client may set: one day. */
export const MAX_CLOCK_OFFSET_SECONDS = 86_400;

/** The body of `PUT /register/<client_id>/clock`, and its answer. */
export interface ClockOffsetRequest {
  /** An integer from 0 to {@link MAX_CLOCK_OFFSET_SECONDS}. */
  readonly clock_offset_seconds: number;
}
