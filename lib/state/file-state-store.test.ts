import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StateUnavailableError } from '../oauth/state-store';
import { FileStateStore, parseStateFile } from './file-state-store';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowlab-file-state-'));
  path = join(dir, 'auth-state.json');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('FileStateStore', () => {
  it('keeps revocations and open windows across a restart', async () => {
    const before = await FileStateStore.open(path);
    await before.revoke('jti-1', Date.now() + 60_000, 'abc');
    await before.increment('auth-failures:lockout-demo', 60_000);
    const { resetAt } = await before.increment('auth-failures:lockout-demo', 60_000);

    const after = await FileStateStore.open(path);
    expect(await after.isRevoked('jti-1')).toBe(true);
    expect(await after.peek('auth-failures:lockout-demo')).toEqual({ count: 2, resetAt });
  });

  it('remembers used assertion ids across a restart (a replay stays refused)', async () => {
    const before = await FileStateStore.open(path);
    expect(await before.useOnce('assertion-jti:c:1', Date.now() + 60_000)).toBe(true);
    const after = await FileStateStore.open(path);
    expect(await after.useOnce('assertion-jti:c:1', Date.now() + 60_000)).toBe(false);
  });

  it('drops entries that expired while it was stopped', async () => {
    let now = 1_000;
    const before = await FileStateStore.open(path, { now: () => now });
    await before.revoke('short', 2_000, 'abc');
    await before.revoke('long', 9_000, 'abc');
    await before.increment('k', 1_000);
    now = 5_000;
    const after = await FileStateStore.open(path, { now: () => now });
    expect(await after.isRevoked('short')).toBe(false);
    expect(await after.isRevoked('long')).toBe(true);
    expect(await after.peek('k')).toBeNull();
    await after.revoke('other', 9_000, 'abc'); // the next write leaves the expired ones out
    const file = JSON.parse(await readFile(path, 'utf8'));
    expect(file.revoked.map((r: unknown[]) => r[0]).sort()).toEqual(['long', 'other']);
    expect(file.counters).toEqual([]);
  });

  it('holds at most the limit per client in the file when revocations evict', async () => {
    const before = await FileStateStore.open(path, { maxRevocationsPerClient: 3 });
    const exp = Date.now() + 60_000;
    for (let i = 0; i < 20; i++) await before.revoke(`t${i}`, exp + i, 'abc', 'evict-soonest');
    const file = JSON.parse(await readFile(path, 'utf8'));
    expect(file.revoked.map((r: unknown[]) => r[0]).sort()).toEqual(['t17', 't18', 't19']);
    const after = await FileStateStore.open(path, { maxRevocationsPerClient: 3 });
    expect(await after.isRevoked('t19')).toBe(true);
    expect(await after.isRevoked('t16')).toBe(false);
  });

  it('persists a clear', async () => {
    const before = await FileStateStore.open(path);
    await before.revoke('jti-1', Date.now() + 60_000, 'abc');
    await before.clear();
    expect(await (await FileStateStore.open(path)).isRevoked('jti-1')).toBe(false);
  });

  it('coalesces concurrent changes and loses none', async () => {
    const store = await FileStateStore.open(path);
    await Promise.all(Array.from({ length: 40 }, () => store.increment('k', 60_000)));
    expect((await (await FileStateStore.open(path)).peek('k'))?.count).toBe(40);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('sets a corrupt file aside, reports it and starts empty', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await writeFile(path, '{"version":1,"revoked":[["x"');
    const store = await FileStateStore.open(path);
    expect(await store.isRevoked('x')).toBe(false);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('not a FlowLab state file'));
    const names = await readdir(dir);
    expect(names.some((n) => n.startsWith('auth-state.json.corrupt-'))).toBe(true);
    expect(names).not.toContain('auth-state.json');
    await store.revoke('y', Date.now() + 60_000, 'abc'); // and it keeps working
    expect(await (await FileStateStore.open(path)).isRevoked('y')).toBe(true);
  });

  it('answers 503 when the data folder cannot be written', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = await FileStateStore.open(join(dir, 'gone', 'auth-state.json'));
    await writeFile(join(dir, 'gone'), ''); // the folder's place is taken by a file
    const failed = await store.increment('k', 60_000).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StateUnavailableError);
    expect(failed).toMatchObject({ status: 503, code: 'temporarily_unavailable' });
    expect((failed as StateUnavailableError).headers['Retry-After']).toBe('2');
  });
});

describe('parseStateFile', () => {
  it('accepts only the versioned shape', () => {
    expect(parseStateFile({ version: 1, revoked: [['a', 1, 'o']], counters: [] })).toEqual({
      revoked: [['a', 1, 'o']],
      counters: [],
      used: [],
    });
    expect(
      parseStateFile({ version: 1, revoked: [], counters: [], used: [['jti:c:1', 5]] })?.used,
    ).toEqual([['jti:c:1', 5]]);
    expect(parseStateFile({ version: 1, revoked: [], counters: [], used: [['x']] })).toBeNull();
    expect(parseStateFile({ version: 2, revoked: [], counters: [] })).toBeNull();
    expect(parseStateFile({ version: 1, revoked: [['a', '1', 'o']], counters: [] })).toBeNull();
    expect(parseStateFile({ version: 1, revoked: [], counters: [['k', null, 1]] })).toBeNull();
    expect(parseStateFile([])).toBeNull();
    expect(parseStateFile(null)).toBeNull();
  });
});
