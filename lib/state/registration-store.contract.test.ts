import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryRegistrationStore,
  type RegistrationStore,
  type StoredRegistration,
} from '../oauth/registration-store';
import { FileRegistrationStore } from './file-registration-store';
import { RedisRegistrationStore } from './redis-registration-store';
import { connectRedis, whenReady } from './redis-state-store';
import { redisServerMissing, startRedisServer, type RedisTestServer } from './redis-test-server';

// One contract, every implementation, on real time (Redis expires keys by its own clock).

interface Backend {
  readonly name: string;
  readonly skip?: string | null;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  create(): Promise<RegistrationStore>;
  /** The same data opened again (a restart), where the backend persists. */
  reopen?(): Promise<RegistrationStore>;
}

const dirs: string[] = [];
let redisServer: RedisTestServer | undefined;
const clients: Redis[] = [];
const missing = redisServerMissing();
let lastPath = '';

const backends: Backend[] = [
  { name: 'memory', create: async () => new MemoryRegistrationStore() },
  {
    name: 'data folder',
    create: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'flowlab-reg-'));
      dirs.push(dir);
      lastPath = join(dir, 'registrations.json');
      return FileRegistrationStore.open(lastPath);
    },
    reopen: () => FileRegistrationStore.open(lastPath),
    teardown: async () => {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  },
  {
    name: 'redis',
    skip: missing,
    setup: async () => {
      redisServer = await startRedisServer();
    },
    create: async () => {
      const redis = connectRedis(redisServer!.url);
      clients.push(redis);
      expect(await whenReady(redis)).toBe(true);
      await redis.flushall();
      return new RedisRegistrationStore(redis);
    },
    reopen: async () => {
      const redis = connectRedis(redisServer!.url);
      clients.push(redis);
      await whenReady(redis);
      return new RedisRegistrationStore(redis);
    },
    teardown: async () => {
      for (const c of clients) c.disconnect();
      await redisServer?.stop();
    },
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reg = (id: string, ttlMs = 60_000): StoredRegistration => ({
  clientId: id,
  issuedAt: Math.floor(Date.now() / 1000),
  authMethod: 'private_key_jwt',
  accessTokenHash: 'h',
  jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'AAAA', kid: 'é' }] },
  clientName: 'Zoë’s browser',
  scope: 'data:read',
  clockOffset: 0,
  expiresAt: Date.now() + ttlMs,
});

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(`RegistrationStore contract: ${backend.name}`, () => {
    beforeAll(async () => backend.setup?.());
    afterAll(async () => backend.teardown?.());

    it('creates, reads back exactly, updates, deletes', async () => {
      const s = await backend.create();
      const r = reg('learner-a');
      expect(await s.create(r, 10)).toBe(true);
      expect(await s.get('learner-a')).toEqual(r);
      expect(await s.get('learner-b')).toBeNull();
      const updated = await s.update('learner-a', { clockOffset: 120, secretHash: 'x' });
      expect(updated).toEqual({ ...r, clockOffset: 120, secretHash: 'x' });
      expect(await s.get('learner-a')).toEqual(updated);
      expect(await s.update('learner-b', { clockOffset: 1 })).toBeNull();
      expect(await s.delete('learner-a')).toBe(true);
      expect(await s.delete('learner-a')).toBe(false);
      expect(await s.get('learner-a')).toBeNull();
    });

    it('refuses an id that exists', async () => {
      const s = await backend.create();
      expect(await s.create(reg('learner-a'), 10)).toBe(true);
      expect(await s.create({ ...reg('learner-a'), accessTokenHash: 'other' }, 10)).toBe(false);
      expect((await s.get('learner-a'))?.accessTokenHash).toBe('h');
    });

    it('expires unused registrations, and an update of the expiry extends them', async () => {
      const s = await backend.create();
      await s.create(reg('learner-short', 200), 10);
      await s.create(reg('learner-kept', 200), 10);
      await s.update('learner-kept', { expiresAt: Date.now() + 60_000 });
      await sleep(300);
      expect(await s.get('learner-short')).toBeNull();
      expect(await s.get('learner-kept')).not.toBeNull();
      expect(await s.update('learner-short', { clockOffset: 5 })).toBeNull();
    });

    it('caps live registrations, counting only live ones, also under concurrency', async () => {
      const s = await backend.create();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => s.create(reg(`learner-${i}`, 200), 3)),
      );
      expect(results.filter(Boolean)).toHaveLength(3);
      await sleep(300);
      expect(await s.create(reg('learner-late'), 3)).toBe(true);
    });

    it.skipIf(!backend.reopen)('keeps registrations across a restart', async () => {
      const s = await backend.create();
      const r = reg('learner-persisted');
      await s.create(r, 10);
      await s.update('learner-persisted', { clockOffset: 7 });
      const again = await backend.reopen!();
      expect(await again.get('learner-persisted')).toEqual({ ...r, clockOffset: 7 });
    });
  });
}
