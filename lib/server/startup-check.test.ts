import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSigningJwk } from '@/lib/oauth/key-store';
import { exitUnlessConfigLoads } from './startup-check';

let dir: string;
let exit: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowlab-startup-'));
  exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const env = async (over: Record<string, string>) => ({
  FLOWLAB_INSTRUCTOR_KEY: 'startup-check-instructor-key',
  FLOWLAB_SIGNING_KEY: JSON.stringify(await generateSigningJwk()),
  ...over,
});

describe('the start-up check', () => {
  it('lets a server with a writable data folder start, leaving nothing behind', async () => {
    const data = join(dir, 'new-folder');
    await exitUnlessConfigLoads(await env({ FLOWLAB_DATA_DIR: data }));
    expect(exit).not.toHaveBeenCalled();
    expect(await readdir(data)).toEqual([]);
  });

  it('stops a server whose data folder cannot be written, saying which setting to change', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'not a folder');
    await exitUnlessConfigLoads(await env({ FLOWLAB_DATA_DIR: blocked }));
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(error.mock.calls[0]?.[0])).toMatch(
      /FlowLab cannot start: The data folder .*a-file cannot be written \((EEXIST|ENOTDIR)\).*FLOWLAB_DATA_DIR/,
    );
  });

  it('does not need the data folder with Redis', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'not a folder');
    await exitUnlessConfigLoads(
      await env({ FLOWLAB_DATA_DIR: blocked, FLOWLAB_REDIS_URL: 'redis://127.0.0.1:1' }),
    );
    expect(exit).not.toHaveBeenCalled();
  });

  it('stops a server with a malformed setting', async () => {
    await exitUnlessConfigLoads(await env({ FLOWLAB_DATA_DIR: dir, FLOWLAB_RATE_LIMIT: 'lots' }));
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/FlowLab cannot start: .*FLOWLAB_RATE_LIMIT/);
  });
});
