import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from './state-store';

describe('MemoryStateStore', () => {
  it('forgets revocations when the token expires', async () => {
    let now = 1_000;
    const s = new MemoryStateStore({ now: () => now });
    await s.revoke('a', 2_000, 'c');
    expect(await s.isRevoked('a')).toBe(true);
    now = 2_000;
    expect(await s.isRevoked('a')).toBe(false);
    expect(s.size.revoked).toBe(0);
  });

  it('ignores revocations of already expired tokens', async () => {
    const s = new MemoryStateStore({ now: () => 5_000 });
    await s.revoke('a', 4_000, 'c');
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

  it('keeps counters within their size cap', async () => {
    const s = new MemoryStateStore({ now: () => 0, maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) await s.increment(`key-${i}`, 10_000);
    expect(s.size.counters).toBeLessThanOrEqual(100);
    expect(await s.peek('key-999')).toEqual({ count: 1, resetAt: 10_000 }); // newest kept
  });

  it('never drops a revocation before its token expires, past 50,000 of them', async () => {
    const s = new MemoryStateStore({ now: () => 0 });
    const clients = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    for (let i = 0; i < 60_000; i++) {
      expect(await s.revoke(`jti-${i}`, 10_000, clients[i % clients.length]!)).toEqual({
        ok: true,
      });
    }
    expect(s.size.revoked).toBe(60_000);
    expect(await s.isRevoked('jti-0')).toBe(true);
    expect(await s.isRevoked('jti-59999')).toBe(true);
  });

  it('refuses a client past its limit of outstanding revocations, until one expires', async () => {
    let now = 0;
    const s = new MemoryStateStore({ now: () => now, maxRevocationsPerClient: 3 });
    expect(await s.revoke('a', 1_000, 'c')).toEqual({ ok: true });
    expect(await s.revoke('b', 2_000, 'c')).toEqual({ ok: true });
    expect(await s.revoke('c', 3_000, 'c')).toEqual({ ok: true });
    expect(await s.revoke('d', 3_000, 'c')).toEqual({ ok: false, retryAt: 1_000 });
    expect(await s.revoke('a', 1_000, 'c')).toEqual({ ok: true }); // already revoked: no-op
    expect(await s.revoke('e', 3_000, 'other')).toEqual({ ok: true }); // limits are per client
    expect(await s.isRevoked('a')).toBe(true);
    expect(await s.isRevoked('d')).toBe(false);
    now = 1_000;
    expect(await s.revoke('d', 3_000, 'c')).toEqual({ ok: true }); // 'a' expired, freed a place
    expect(await s.isRevoked('d')).toBe(true);
    expect(s.size.revoked).toBe(4);
  });

  it('clear forgets everything', async () => {
    const s = new MemoryStateStore({ now: () => 0 });
    await s.revoke('a', 10, 'c');
    await s.increment('k', 10);
    await s.clear();
    expect(s.size).toEqual({ revoked: 0, counters: 0 });
  });
});
