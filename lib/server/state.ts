/**
 * Chooses the auth server's revocation and lockout store from the environment:
 * `FLOWLAB_REDIS_URL` set: Redis, shared by every instance that points at it; unset: the data
 * folder's state file (`FLOWLAB_DATA_DIR`, default `.data`), which one instance keeps across
 * restarts.
 */
import 'server-only';
import { join } from 'node:path';
import { dataDirOf, parseRevocationLimit } from '@/lib/oauth/config';
import type { StateStore } from '@/lib/oauth/state-store';
import { FileStateStore, STATE_FILE_NAME } from '@/lib/state/file-state-store';
import { connectRedis, RedisStateStore, whenReady } from '@/lib/state/redis-state-store';

type Env = Readonly<Record<string, string | undefined>>;

/** The state store the environment asks for (see the module comment). */
export async function openStateStore(env: Env): Promise<StateStore> {
  const limits = {
    maxRevocationsPerClient: parseRevocationLimit(env.FLOWLAB_REVOCATIONS_PER_CLIENT),
  };
  const url = env.FLOWLAB_REDIS_URL;
  if (url !== undefined && url !== '') {
    if (!/^rediss?:\/\//.test(url)) {
      throw new Error(`FLOWLAB_REDIS_URL must be a redis:// or rediss:// URL.`);
    }
    const redis = connectRedis(url);
    await whenReady(redis);
    return new RedisStateStore(redis, limits);
  }
  return FileStateStore.open(join(dataDirOf(env), STATE_FILE_NAME), limits);
}
