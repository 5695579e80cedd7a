/** Random identifiers and secrets for rooms, without Node-only APIs (Web Crypto everywhere). */

import { base64urlEncode } from '../protocol/base64url';

/** A source of `length` random bytes (injectable for tests). */
export type RandomBytes = (length: number) => Uint8Array;

/** Cryptographically strong random bytes from Web Crypto. */
export const cryptoRandomBytes: RandomBytes = (length) =>
  crypto.getRandomValues(new Uint8Array(length));

/** Room codes avoid look-alike characters (0/o, 1/l/i) so they can be read off a projector. */
export const ROOM_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** A short code drawn uniformly from {@link ROOM_CODE_ALPHABET} (rejection sampling, no bias). */
export function randomCode(length: number, random: RandomBytes): string {
  const n = ROOM_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += ROOM_CODE_ALPHABET[byte % n];
    }
  }
  return out;
}

/** A secret token of `bytes` random bytes, base64url encoded. */
export function randomToken(bytes: number, random: RandomBytes): string {
  return base64urlEncode(random(bytes));
}

/** Compares two strings in time that depends only on their lengths. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
