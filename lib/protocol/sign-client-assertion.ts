/**
 * Signing a client assertion with the client's own private key (jose's SignJWT). Apart from
 * `client-assertion.ts` so that code which only names the assertion type or builds requests does
 * not carry the signer.
 */
import { SignJWT } from 'jose';
import { assertionClaims, type AssertionAlg, type AssertionOptions } from './client-assertion';

/** A signing key and how to name it in the JOSE header. */
export interface AssertionSigner {
  /** A private WebCrypto key (non-extractable is fine) or a jose-imported key. */
  readonly key: CryptoKey;
  readonly alg: AssertionAlg | string;
  /** The `kid` of the matching public key in the client's registered jwks. */
  readonly kid?: string;
  /** Extra or replaced JOSE header fields (`typ`, another `kid` ...). */
  readonly header?: Readonly<Record<string, unknown>>;
}

/**
 * Signs a client assertion with the client's private key.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 */
export async function signClientAssertion(
  options: AssertionOptions,
  signer: AssertionSigner,
): Promise<string> {
  const header = {
    alg: signer.alg,
    ...(signer.kid === undefined ? {} : { kid: signer.kid }),
    ...signer.header,
  };
  return new SignJWT(assertionClaims(options))
    .setProtectedHeader(header as { alg: string })
    .sign(signer.key);
}
