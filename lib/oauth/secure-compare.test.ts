import { describe, expect, it } from 'vitest';
import { bytesEqualConstantTime, secretMatchesDigest, sha256 } from './secure-compare';

describe('constant-time secret comparison', () => {
  it('matches equal secrets only', async () => {
    const matches = async (a: string, b: string) => secretMatchesDigest(a, await sha256(b));
    expect(await matches('xyz', 'xyz')).toBe(true);
    expect(await matches('xyZ', 'xyz')).toBe(false);
    expect(await matches('xy', 'xyz')).toBe(false);
    expect(await matches('xyzxyz', 'xyz')).toBe(false); // a repeated prefix is not equal
    expect(await matches('', 'xyz')).toBe(false);
    expect(await matches('', '')).toBe(true);
    expect(await matches('é', 'é')).toBe(true);
    expect((await sha256('x')).length).toBe(32);
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
