import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from './state-store';

describe('MemoryStateStore', () => {
  it('forgets revocations when the token expires', async () => {
    let now = 1_000;
    const s = new MemoryStateStore({ now: () => now });
    await s.revoke('a', 2_000);
    expect(await s.isRevoked('a')).toBe(true);
    now = 2_000;
    expect(await s.isRevoked('a')).toBe(false);
    expect(s.size.revoked).toBe(0);
  });

  it('ignores revocations of already expired tokens', async () => {
    const s = new MemoryStateStore({ now: () => 5_000 });
    await s.revoke('a', 4_000);
    expect(s.size.revoked).toBe(0);
  });

  it('counts in fixed windows', async () => {
    let now = 0;
    const s = new MemoryStateStore({ now: () => now });
    expect(await s.increment('k', 100)).toEqual({ count: 1, resetAt: 100 });
    now = 50;
    expect(await s.increment('k', 100)).toEqual({ count: 2, resetAt: 100 });
    expect(await s.peek('k')).toEqual({ count: 2, resetAt: 100 });
    now = 100;
    expect(await s.peek('k')).toBeNull();
    expect(await s.increment('k', 100)).toEqual({ count: 1, resetAt: 200 });
  });

  it('stays within its size cap', async () => {
    const s = new MemoryStateStore({ now: () => 0, maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) {
      await s.revoke(`jti-${i}`, 10_000);
      await s.increment(`key-${i}`, 10_000);
    }
    expect(s.size.revoked).toBeLessThanOrEqual(100);
    expect(s.size.counters).toBeLessThanOrEqual(100);
    expect(await s.isRevoked('jti-999')).toBe(true); // newest kept
  });

  it('clear forgets everything', async () => {
    const s = new MemoryStateStore({ now: () => 0 });
    await s.revoke('a', 10);
    await s.increment('k', 10);
    await s.clear();
    expect(s.size).toEqual({ revoked: 0, counters: 0 });
  });
});
