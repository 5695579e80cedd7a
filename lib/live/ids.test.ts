import { describe, expect, it } from 'vitest';
import {
  ROOM_CODE_ALPHABET,
  cryptoRandomBytes,
  randomCode,
  randomToken,
  timingSafeEqual,
} from './ids';

describe('ids', () => {
  it('makes room codes of the requested length from the unambiguous alphabet', () => {
    for (let i = 0; i < 50; i += 1) {
      const code = randomCode(6, cryptoRandomBytes);
      expect(code).toHaveLength(6);
      for (const ch of code) expect(ROOM_CODE_ALPHABET).toContain(ch);
    }
  });

  it('skips bytes that would bias the alphabet', () => {
    // 255 is above the rejection limit; 0 maps to the first character.
    const bytes = [255, 255, 0, 1, 2, 3];
    const random = (n: number) =>
      new Uint8Array(Array.from({ length: n }, (_, i) => bytes[i % bytes.length] ?? 0));
    expect(randomCode(3, random)).toBe('234');
  });

  it('makes secret tokens of base64url text', () => {
    expect(randomToken(32, cryptoRandomBytes)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('compares secrets', () => {
    expect(timingSafeEqual('abc', 'abc')).toBe(true);
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
  });
});
