/**
 * Constant-time comparison of secrets. Both values are hashed with SHA-256 first, so the
 * comparison takes the same time whatever the lengths and wherever the first difference is.
 */
const encoder = new TextEncoder();

/** SHA-256 of a string's UTF-8 bytes. */
export async function sha256(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
}

/** Compares two equal-length byte arrays without an early exit. */
export function bytesEqualConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * True when `presented` equals the secret whose SHA-256 digest is `expectedDigest`, compared in
 * constant time.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.10
 */
export async function secretMatches(
  presented: string,
  expectedDigest: Uint8Array,
): Promise<boolean> {
  return bytesEqualConstantTime(await sha256(presented), expectedDigest);
}
