/**
 * A client's registered public keys (`jwks`, RFC 7591 §2): validation of what a configuration or
 * a registration may carry (public, asymmetric keys only) and the choice of the keys that may
 * verify one client assertion.
 */
import { base64url, importJWK } from 'jose';
import { ASSERTION_ALGS, type AssertionAlg } from '../protocol/client-assertion';
import type { JwkSet, PublicJwk } from '../protocol/registration';

/** Most keys one client may register (a current and a next key, with room to spare). */
export const MAX_CLIENT_KEYS = 5;

/** The members of a public JWK FlowLab keeps; anything else is dropped. */
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg', 'use'] as const;
/** Private (or symmetric) key members: a registration carrying one is refused, not trimmed. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** The byte length of a base64url member, or -1 when it is not base64url. */
function bytes(value: unknown): number {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) return -1;
  try {
    return base64url.decode(value).length;
  } catch {
    return -1;
  }
}

/** The algorithms a key of this type and curve can sign with. */
export function algsForKey(jwk: PublicJwk): readonly AssertionAlg[] {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return ['ES256'];
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') return ['ES384'];
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return ['Ed25519', 'EdDSA'];
  if (jwk.kty === 'RSA') return ['RS256', 'PS256'];
  return [];
}

/** Why one key is refused, or null when it is an acceptable public signing key. */
function keyProblem(jwk: Record<string, unknown>): string | null {
  const secret = PRIVATE_MEMBERS.find((m) => m in jwk);
  if (secret) return `has the private member "${secret}": register the public key only`;
  const { kty, crv } = jwk;
  if (kty === 'EC') {
    const size = crv === 'P-256' ? 32 : crv === 'P-384' ? 48 : 0;
    if (size === 0) return 'is an EC key on a curve other than P-256 or P-384';
    if (bytes(jwk.x) !== size || bytes(jwk.y) !== size) return `needs x and y of ${size} bytes`;
  } else if (kty === 'OKP') {
    if (crv !== 'Ed25519') return 'is an OKP key other than Ed25519';
    if (bytes(jwk.x) !== 32) return 'needs an x of 32 bytes';
  } else if (kty === 'RSA') {
    const n = bytes(jwk.n);
    if (n < 256) return 'is an RSA key under 2048 bits (or has no valid n)';
    if (bytes(jwk.e) < 1) return 'has no valid e';
  } else {
    return 'must have kty EC, RSA or OKP (asymmetric keys only; no oct, no HMAC)';
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') return 'has a use other than "sig"';
  if (
    jwk.kid !== undefined &&
    (typeof jwk.kid !== 'string' || !/^[\x21-\x7E]{1,100}$/.test(jwk.kid))
  )
    return 'has a kid that is not 1-100 printable characters';
  if (jwk.alg !== undefined && !algsForKey(jwk as PublicJwk).includes(jwk.alg as AssertionAlg))
    return `has an alg its key cannot use (allowed: ${ASSERTION_ALGS.join(', ')})`;
  return null;
}

/** A validated key set, or why (with the path of the bad member) it was refused. */
export type JwksResult =
  { readonly ok: true; readonly jwks: JwkSet } | { readonly ok: false; readonly problem: string };

/**
 * Validates a `jwks` value: 1 to {@link MAX_CLIENT_KEYS} public EC P-256/P-384, RSA >= 2048 or
 * Ed25519 keys, unique kids; keeps only their public members.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-5
 */
export function parsePublicJwks(value: unknown, where = 'jwks'): JwksResult {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (typeof value !== 'object' || value === null || !Array.isArray(keys)) {
    return { ok: false, problem: `${where} must be an object with a "keys" array.` };
  }
  if (keys.length === 0 || keys.length > MAX_CLIENT_KEYS) {
    return { ok: false, problem: `${where}.keys must hold 1 to ${MAX_CLIENT_KEYS} keys.` };
  }
  const kids = new Set<string>();
  const kept: PublicJwk[] = [];
  for (const [i, key] of keys.entries()) {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) {
      return { ok: false, problem: `${where}.keys[${i}] must be a JWK object.` };
    }
    const jwk = key as Record<string, unknown>;
    const problem = keyProblem(jwk);
    if (problem) return { ok: false, problem: `${where}.keys[${i}] ${problem}.` };
    if (typeof jwk.kid === 'string') {
      if (kids.has(jwk.kid))
        return { ok: false, problem: `${where}.keys[${i}].kid is used twice.` };
      kids.add(jwk.kid);
    }
    const pub: Record<string, unknown> = {};
    for (const m of PUBLIC_MEMBERS) if (jwk[m] !== undefined) pub[m] = jwk[m];
    kept.push(pub as PublicJwk);
  }
  return { ok: true, jwks: { keys: kept } };
}

/** Whether every key of a validated set imports (a point on its curve, a usable modulus). */
export async function jwksImports(jwks: JwkSet): Promise<boolean> {
  try {
    for (const jwk of jwks.keys) await importJWK({ ...jwk }, algsForKey(jwk)[0]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The keys of a set that may verify an assertion signed with `alg`: by `kid` when the header
 * names one (then only that key), else every key of a type that signs with `alg`.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-4.1.4
 */
export function candidateKeys(jwks: JwkSet, alg: AssertionAlg, kid: unknown): PublicJwk[] {
  return jwks.keys.filter(
    (k) =>
      (kid === undefined || k.kid === kid) &&
      (k.alg === undefined || k.alg === alg) &&
      algsForKey(k).includes(alg),
  );
}
