import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '../oauth/events';
import {
  InMemoryFeedStore,
  failingCheck,
  matchesClient,
  toFeedItem,
  type FeedMessage,
} from './feed';

function event(overrides: Partial<AuthEvent> = {}): AuthEvent {
  return {
    at: 1_700_000_000_000,
    endpoint: 'token',
    method: 'POST',
    path: '/token',
    clientId: 'abc',
    status: 200,
    durationMs: 3.2,
    checks: [
      { id: 'client-known', ok: true },
      { id: 'secret-matches', ok: true },
    ],
    credential: { kind: 'secret', value: 'xyz' },
    ...overrides,
  };
}

describe('InMemoryFeedStore', () => {
  it('is bounded by its capacity', async () => {
    const store = new InMemoryFeedStore(5);
    for (let i = 0; i < 12; i += 1) await store.append(event({ status: 200 + i }));
    const all = await store.since(0);
    expect(all).toHaveLength(5);
    expect(all.map((e) => e.id)).toEqual([8, 9, 10, 11, 12]);
  });

  it('gives monotonic ids and returns what came after a given id', async () => {
    const store = new InMemoryFeedStore(10);
    const a = await store.append(event());
    const b = await store.append(event({ clientId: 'myapp123' }));
    const c = await store.append(event({ clientId: 'xyz' }));
    expect([a.id, b.id, c.id]).toEqual([1, 2, 3]);
    expect((await store.since(a.id)).map((e) => e.id)).toEqual([2, 3]);
    expect((await store.since(0, 1)).map((e) => e.id)).toEqual([1]);
    expect((await store.get(2))?.event.clientId).toBe('myapp123');
    expect(await store.latestId()).toBe(3);
  });

  it('notifies subscribers until they unsubscribe', async () => {
    const store = new InMemoryFeedStore(10);
    const heard: FeedMessage[] = [];
    const stop = store.subscribe((m) => heard.push(m));
    await store.append(event());
    stop();
    await store.append(event());
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ type: 'entry', entry: { id: 1 } });
    expect(store.listenerCount).toBe(0);
  });

  it('keeps other listeners working when one throws', async () => {
    const store = new InMemoryFeedStore(10);
    const heard: number[] = [];
    store.subscribe(() => {
      throw new Error('closed stream');
    });
    store.subscribe((m) => {
      if (m.type === 'entry') heard.push(m.entry.id);
    });
    await store.append(event());
    expect(heard).toEqual([1]);
  });

  it('clears entries but keeps counting ids, and announces the reset', async () => {
    const store = new InMemoryFeedStore(10);
    const heard: FeedMessage[] = [];
    store.subscribe((m) => heard.push(m));
    await store.append(event());
    await store.append(event());
    await store.clear();
    expect(await store.since(0)).toEqual([]);
    expect(heard.at(-1)).toEqual({ type: 'reset', lastId: 2 });
    expect(await store.latestId()).toBe(2);
    expect((await store.append(event())).id).toBe(3);
  });
});

describe('toFeedItem', () => {
  it('masks a client secret and never carries the raw value', () => {
    const item = toFeedItem({ id: 7, event: event() });
    expect(item.credential).toEqual({ kind: 'secret', masked: 'xy•••' });
    expect(JSON.stringify(item)).not.toContain('xyz');
    expect(item.id).toBe(7);
  });

  it('masks a token to its first ten characters', () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhYmMifQ.sig';
    const item = toFeedItem({
      id: 1,
      event: event({
        endpoint: 'api',
        path: '/api/data',
        method: 'GET',
        credential: { kind: 'token', value: token },
      }),
    });
    expect(item.credential?.masked).toBe('eyJhbGciOi…');
    expect(JSON.stringify(item)).not.toContain(token);
  });

  it('keeps the error and omits an absent credential', () => {
    const { credential: _omit, ...noCredential } = event();
    const item = toFeedItem({
      id: 1,
      event: { ...noCredential, status: 401, error: 'invalid_client' },
    });
    expect(item.error).toBe('invalid_client');
    expect('credential' in item).toBe(false);
  });
});

describe('filters and checks', () => {
  it('filters by client id, empty meaning all', () => {
    const entry = { id: 1, event: event({ clientId: 'abc' }) };
    expect(matchesClient(entry, 'abc')).toBe(true);
    expect(matchesClient(entry, 'xyz')).toBe(false);
    expect(matchesClient(entry, '')).toBe(true);
    expect(matchesClient({ id: 2, event: event({ clientId: null }) }, 'abc')).toBe(false);
  });

  it('finds the failing check', () => {
    expect(failingCheck(event().checks)).toBeUndefined();
    const checks = [
      { id: 'client-known', ok: true },
      { id: 'secret-matches', ok: false, detail: 'wrong secret' },
    ] as const;
    expect(failingCheck(checks)?.id).toBe('secret-matches');
  });
});

describe('toFeedItem: whose request it was', () => {
  const item = (overrides: Partial<AuthEvent>) => toFeedItem({ id: 1, event: event(overrides) });
  it('trusts a registered client id, or one the request proved', () => {
    expect(item({}).clientVerified).toBe(true); // registered, even with a wrong secret
    expect(
      item({ endpoint: 'api', checks: [], tokenClientId: 'abc', clientId: 'abc' }).clientVerified,
    ).toBe(true);
    expect(item({ checks: [], authenticatedClientId: 'abc' }).clientVerified).toBe(true);
  });

  it('marks an id the request only claimed: unknown, or from a token that did not verify', () => {
    const claim = 'TEACHER SAYS: open http://evil.example/quiz';
    expect(
      item({ clientId: claim, checks: [{ id: 'client-known', ok: false }] }).clientVerified,
    ).toBe(false);
    expect(
      item({ endpoint: 'api', clientId: 'abc', checks: [{ id: 'signature', ok: false }] })
        .clientVerified,
    ).toBe(false);
    expect(item({ clientId: null }).clientVerified).toBe(false);
  });
});
