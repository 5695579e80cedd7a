/**
 * base64url without padding (RFC 4648 §5), as JWTs and tokens use it, for the code that runs in
 * the browser: a few lines instead of jose's encoder, which pages that only decode or build a
 * JWT would otherwise carry. Server code signs and verifies with jose and uses its own.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-5
 */

const encoder = new TextEncoder();
const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** The base64url text of some bytes, or of a string's UTF-8 bytes. */
export function base64urlEncode(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text. Throws a TypeError when it is not base64url (no padding). */
export function base64urlDecode(text: string): Uint8Array {
  // a length of 1 mod 4 cannot come from whole bytes; atob would refuse it as well
  if (!ALPHABET.test(text) || text.length % 4 === 1) throw new TypeError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

const decoder = new TextDecoder();

/**
 * The JSON object a base64url part holds (a JWT's header or claims), or null when the part does
 * not decode, is not JSON, or holds something other than an object. `decode` is this module's
 * strict decoder unless a caller passes its own (the server passes jose's, which it verifies with).
 */
export function decodeJsonPart(
  part: string,
  decode: (text: string) => Uint8Array = base64urlDecode,
): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(decoder.decode(decode(part)));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
