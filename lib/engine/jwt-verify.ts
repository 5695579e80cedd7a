import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

/** The result of a signature check: the key and algorithm that verified it, or why not. */
export type SignatureCheck =
  | { readonly ok: true; readonly kid?: string; readonly alg: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks only the token's signature against a JWKS (not its expiry or audience: the API does
 * those). Verifying with the published public key is how anyone can tell the token is genuine.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 */
export async function verifySignature(token: string, jwks: JSONWebKeySet): Promise<SignatureCheck> {
  try {
    const { protectedHeader } = await compactVerify(token, createLocalJWKSet(jwks), {
      algorithms: ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA', 'Ed25519'],
    });
    return {
      ok: true,
      alg: protectedHeader.alg,
      ...(protectedHeader.kid ? { kid: protectedHeader.kid } : {}),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason };
  }
}
