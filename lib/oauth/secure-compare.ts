/**
 * Constant-time comparison of secrets: the time taken depends only on the length of the stored
 * value, never on where the presented one first differs (nor on its length). Secrets are
 * compared as SHA-256 digests, so the server may keep only the digest.
 */
const encoder = new TextEncoder();

/** SHA-256 of a string's UTF-8 bytes. */
export async function sha256(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
}

/**
 * Compares `presented` with `expected` without an early exit: every byte of `expected` is
 * visited, and a length mismatch is folded into the result rather than returned early.
 */
export function bytesEqualConstantTime(presented: Uint8Array, expected: Uint8Array): boolean {
  let diff = presented.length ^ expected.length;
  const n = presented.length;
  for (let i = 0; i < expected.length; i++) {
    diff |= expected[i]! ^ (n === 0 ? 0 : presented[i % n]!);
  }
  return diff === 0;
}

/**
 * True when the presented secret's SHA-256 equals the stored digest, compared in constant time
 * (both are 32 bytes, so not even the length differs).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.10
 */
export async function secretMatchesDigest(presented: string, digest: Uint8Array): Promise<boolean> {
  return bytesEqualConstantTime(await sha256(presented), digest);
}
