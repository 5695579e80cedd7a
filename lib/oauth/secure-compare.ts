/**
 * Constant-time comparison of secrets: the time taken depends only on the length of the stored
 * secret, never on where the presented one first differs (nor on its length).
 */
const encoder = new TextEncoder();

/** A string's UTF-8 bytes. */
export function utf8(value: string): Uint8Array {
  return encoder.encode(value);
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
 * True when the presented secret equals the stored one (its UTF-8 bytes), compared in constant
 * time.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.10
 */
export function secretMatches(presented: string, expected: Uint8Array): boolean {
  return bytesEqualConstantTime(utf8(presented), expected);
}
