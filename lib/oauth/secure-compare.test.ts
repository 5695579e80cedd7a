import { describe, expect, it } from 'vitest';
import { bytesEqualConstantTime, secretMatches, utf8 } from './secure-compare';

describe('constant-time secret comparison', () => {
  it('matches equal secrets only', () => {
    expect(secretMatches('xyz', utf8('xyz'))).toBe(true);
    expect(secretMatches('xyZ', utf8('xyz'))).toBe(false);
    expect(secretMatches('xy', utf8('xyz'))).toBe(false);
    expect(secretMatches('xyzxyz', utf8('xyz'))).toBe(false); // a repeated prefix is not equal
    expect(secretMatches('', utf8('xyz'))).toBe(false);
    expect(secretMatches('', utf8(''))).toBe(true);
    expect(secretMatches('é', utf8('é'))).toBe(true);
  });

  it('visits every byte of the stored secret whatever is presented', () => {
    const expected = new Uint8Array(64).fill(7);
    let reads = 0;
    const counting = new Proxy(expected, {
      get(target, prop) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    for (const presented of [
      new Uint8Array(0),
      new Uint8Array([1]),
      new Uint8Array(64).fill(7),
      new Uint8Array(200),
    ]) {
      reads = 0;
      bytesEqualConstantTime(presented, counting);
      expect(reads).toBe(64); // no early exit on the first difference or on a length mismatch
    }
  });
});
