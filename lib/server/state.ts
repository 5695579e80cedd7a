/**
 * Chooses where the state shared by requests lives, from the environment: with
 * `FLOWLAB_REDIS_URL`, revocations, lockout counters, the live feed and the follow-me rooms are
 * in that Redis, shared by every instance pointing at it; without it, revocations, lockouts and
 * rooms are in the data folder (`FLOWLAB_DATA_DIR`, default `.data`), kept across restarts of
 * one instance, and the feed is in this process's memory.
 */
import 'server-only';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { InMemoryFeedStore } from '@/lib/live/feed';
import type { LiveStores } from '@/lib/live/hub';
import { dataDirOf, parseRevocationLimit } from '@/lib/oauth/config';
import type { StateStore } from '@/lib/oauth/state-store';
import type { RegistrationStore } from '@/lib/oauth/registration-store';
import { openFileRoomStore, ROOMS_FILE_NAME } from '@/lib/state/file-room-store';
import { FileStateStore, STATE_FILE_NAME } from '@/lib/state/file-state-store';
import {
  FileRegistrationStore,
  REGISTRATIONS_FILE_NAME,
} from '@/lib/state/file-registration-store';
import { RedisRegistrationStore } from '@/lib/state/redis-registration-store';
import type { ChallengeStore } from '@/lib/state/challenge-store';
import { CHALLENGE_FILE_NAME, FileChallengeStore } from '@/lib/state/file-challenge-store';
import { RedisChallengeStore } from '@/lib/state/redis-challenge-store';
import { RedisFeedStore } from '@/lib/state/redis-feed-store';
import { RedisRoomStore } from '@/lib/state/redis-room-store';
import { connectRedis, RedisStateStore, whenReady } from '@/lib/state/redis-state-store';

type Env = Readonly<Record<string, string | undefined>>;

/** One command and one subscriber connection per process and URL, shared by every store. */
const CONNECTIONS = Symbol.for('flowlab.redis');
const g = globalThis as typeof globalThis & {
  [CONNECTIONS]?: Map<string, { commands: Redis; subscriber?: Redis }>;
};

/** `FLOWLAB_REDIS_URL` when set (checked to be a Redis URL), else null. */
function redisUrl(env: Env): string | null {
  const url = env.FLOWLAB_REDIS_URL;
  if (url === undefined || url === '') return null;
  if (!/^rediss?:\/\//.test(url)) {
    throw new Error(`FLOWLAB_REDIS_URL must be a redis:// or rediss:// URL.`);
  }
  return url;
}

function connections(url: string): { commands: Redis; subscriber?: Redis } {
  const all = (g[CONNECTIONS] ??= new Map());
  let c = all.get(url);
  if (!c) all.set(url, (c = { commands: connectRedis(url) }));
  return c;
}

/** The revocation and lockout store the environment asks for (see the module comment). */
export async function openStateStore(env: Env): Promise<StateStore> {
  const limits = {
    maxRevocationsPerClient: parseRevocationLimit(env.FLOWLAB_REVOCATIONS_PER_CLIENT),
  };
  const url = redisUrl(env);
  if (url) {
    const { commands } = connections(url);
    await whenReady(commands);
    return new RedisStateStore(commands, limits);
  }
  return FileStateStore.open(join(dataDirOf(env), STATE_FILE_NAME), limits);
}

/** Where registered clients live: that Redis, else `registrations.json` in the data folder. */
export async function openRegistrationStore(env: Env): Promise<RegistrationStore> {
  const url = redisUrl(env);
  if (!url) return FileRegistrationStore.open(join(dataDirOf(env), REGISTRATIONS_FILE_NAME));
  const { commands } = connections(url);
  await whenReady(commands);
  return new RedisRegistrationStore(commands);
}

/** The shared command connection and the (lazily connected) shared subscriber of a URL. */
function withSubscriber(url: string): { commands: Redis; subscriber: Redis } {
  const c = connections(url);
  c.subscriber ??= connectRedis(url, 'subscriber');
  return { commands: c.commands, subscriber: c.subscriber };
}

/** The live feed's and the rooms' stores the environment asks for (see the module comment). */
export function openLiveStores(env: Env): LiveStores {
  const url = redisUrl(env);
  if (!url) {
    return {
      feed: new InMemoryFeedStore(),
      rooms: openFileRoomStore(join(dataDirOf(env), ROOMS_FILE_NAME)),
    };
  }
  const c = withSubscriber(url);
  return {
    feed: new RedisFeedStore(c.commands, c.subscriber),
    rooms: new RedisRoomStore({ redis: c.commands, subscriber: c.subscriber }),
  };
}

/** Where challenge progress lives: that Redis, else `challenges.json` in the data folder. */
export async function openChallengeStore(env: Env): Promise<ChallengeStore> {
  const url = redisUrl(env);
  if (!url) return FileChallengeStore.open(join(dataDirOf(env), CHALLENGE_FILE_NAME));
  const c = withSubscriber(url);
  return new RedisChallengeStore(c.commands, c.subscriber);
}
