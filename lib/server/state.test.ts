import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { InMemoryFeedStore } from '@/lib/live/feed';
import { MemoryRoomStore } from '@/lib/live/room-store-memory';
import { FileStateStore } from '@/lib/state/file-state-store';
import { RedisFeedStore } from '@/lib/state/redis-feed-store';
import { RedisRoomStore } from '@/lib/state/redis-room-store';
import { RedisStateStore } from '@/lib/state/redis-state-store';
import { redisServerMissing, startRedisServer } from '@/lib/state/redis-test-server';
import { openLiveStores, openStateStore } from './state';

vi.mock('server-only', () => ({}));

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('openStateStore', () => {
  it('keeps the state in the data folder without FLOWLAB_REDIS_URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowlab-open-state-'));
    dirs.push(dir);
    for (const url of [undefined, '']) {
      const store = await openStateStore({ FLOWLAB_DATA_DIR: dir, FLOWLAB_REDIS_URL: url });
      expect(store).toBeInstanceOf(FileStateStore);
      expect((store as FileStateStore).path).toBe(join(dir, 'auth-state.json'));
      const live = openLiveStores({ FLOWLAB_DATA_DIR: dir, FLOWLAB_REDIS_URL: url });
      expect(live.feed).toBeInstanceOf(InMemoryFeedStore);
      expect(live.rooms).toBeInstanceOf(MemoryRoomStore);
    }
  });

  it('refuses a FLOWLAB_REDIS_URL that is not a redis URL, naming the variable', async () => {
    await expect(openStateStore({ FLOWLAB_REDIS_URL: 'localhost:6379' })).rejects.toThrow(
      /FLOWLAB_REDIS_URL/,
    );
  });

  it.skipIf(!!redisServerMissing())('uses Redis when FLOWLAB_REDIS_URL is set', async () => {
    const server = await startRedisServer();
    try {
      const store = await openStateStore({ FLOWLAB_REDIS_URL: server.url });
      expect(store).toBeInstanceOf(RedisStateStore);
      expect((await store.revoke('j', Date.now() + 60_000, 'abc')).ok).toBe(true);
      expect(await store.isRevoked('j')).toBe(true);
      const live = openLiveStores({ FLOWLAB_REDIS_URL: server.url });
      expect(live.feed).toBeInstanceOf(RedisFeedStore);
      expect(live.rooms).toBeInstanceOf(RedisRoomStore);
      (store as RedisStateStore).disconnect();
    } finally {
      await server.stop();
    }
  });
});
