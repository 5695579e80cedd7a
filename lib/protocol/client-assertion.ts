/**
 * Client assertions for `private_key_jwt` (RFC 7523 §2.2, §3): the JWT a client signs with its
 * own private key instead of sending a secret. Works in the browser and in Node (WebCrypto keys
 * through jose). Every claim and header field can be overridden, so the lesson's scenarios can
 * build the assertions the server must refuse (wrong aud, expired, replayed, another key).
 * Signing is in `sign-client-assertion.ts`, so the pages that only build requests do not carry it.
 */
import { base64urlEncode } from './base64url';

/**
 * The `client_assertion_type` of a JWT client assertion.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The name of the method in client metadata. @see https://www.rfc-editor.org/rfc/rfc7591#section-2 */
export const PRIVATE_KEY_JWT = 'private_key_jwt';

/**
 * The signing algorithms FlowLab accepts for client assertions: asymmetric only (no `none`, no
 * HMAC, whose key would be a shared secret again). An Ed25519 key signs as `Ed25519`, the fully
 * specified name of RFC 9864 (what oauth4webapi and openid-client send), or as the older
 * polymorphic `EdDSA` that RFC 9864 deprecates.
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc9864#section-2.2
 */
export const ASSERTION_ALGS = ['ES256', 'ES384', 'PS256', 'RS256', 'Ed25519', 'EdDSA'] as const;
/** One of {@link ASSERTION_ALGS}. */
export type AssertionAlg = (typeof ASSERTION_ALGS)[number];

/** Whether a value is one of {@link ASSERTION_ALGS}. */
export function isAssertionAlg(value: unknown): value is AssertionAlg {
  return typeof value === 'string' && (ASSERTION_ALGS as readonly string[]).includes(value);
}

/**
 * The claims of a client assertion. `iss` and `sub` are the client_id, `aud` the authorization
 * server (its issuer or token endpoint URL), `exp` required, `jti` unique.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export interface ClientAssertionClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string | readonly string[];
  /** Epoch seconds. */
  readonly exp: number;
  /** Epoch seconds. */
  readonly iat: number;
  /** Epoch seconds. */
  readonly nbf?: number;
  readonly jti: string;
}

/** Claim overrides: a value replaces the default, `undefined` leaves the claim out. */
export type ClaimOverrides = { readonly [K in keyof ClientAssertionClaims]?: unknown } & Readonly<
  Record<string, unknown>
>;

/** Default lifetime of an assertion, seconds: short, it is used once. */
export const DEFAULT_ASSERTION_LIFETIME = 60;

/** What a client assertion is built from. */
export interface AssertionOptions {
  readonly clientId: string;
  /** The audience: the issuer or the token endpoint URL. */
  readonly audience: string | readonly string[];
  /** Epoch seconds (the client's clock). */
  readonly now: number;
  /** Seconds until `exp`; default {@link DEFAULT_ASSERTION_LIFETIME}. */
  readonly lifetime?: number;
  /** Replaces (or, with `undefined`, removes) any of the default claims, or adds others. */
  readonly claims?: ClaimOverrides;
}

/**
 * The claims of an assertion for `options`: `iss = sub = clientId`, `aud`, `iat = now`,
 * `exp = now + lifetime`, a fresh random `jti`, then the overrides.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export function assertionClaims(options: AssertionOptions): Record<string, unknown> {
  const base: Record<string, unknown> = {
    iss: options.clientId,
    sub: options.clientId,
    aud: options.audience,
    iat: options.now,
    exp: options.now + (options.lifetime ?? DEFAULT_ASSERTION_LIFETIME),
    jti: crypto.randomUUID(),
  };
  const merged: Record<string, unknown> = { ...base, ...options.claims };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return merged;
}

/**
 * An unsecured assertion (`alg: none`, empty signature): what an attacker would send without the
 * key. FlowLab's server refuses it; the lesson builds it to show that.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-6
 */
export function unsignedClientAssertion(
  options: AssertionOptions,
  header: Readonly<Record<string, unknown>> = {},
): string {
  const part = (value: unknown) => base64urlEncode(JSON.stringify(value));
  return `${part({ alg: 'none', ...header })}.${part(assertionClaims(options))}.`;
}
