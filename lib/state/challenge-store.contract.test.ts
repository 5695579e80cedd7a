import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskPass } from '../challenges/types';
import { EMPTY_MEMORY } from '../challenges/grader';
import {
  MemoryChallengeStore,
  type ChallengeMessage,
  type ChallengeStore,
} from './challenge-store';
import { FileChallengeStore } from './file-challenge-store';
import { RedisChallengeStore } from './redis-challenge-store';
import { connectRedis, whenReady } from './redis-state-store';
import { redisServerMissing, startRedisServer, type RedisTestServer } from './redis-test-server';

// One contract, every challenge store: memory, data folder, and Redis (a private redis-server,
// two stores on separate connections standing for two instances).

interface Backend {
  readonly name: string;
  readonly skip?: string | null;
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** Two views of one fresh, empty store (two instances, for Redis; the same store otherwise). */
  create(): Promise<[ChallengeStore, ChallengeStore]>;
  /** The same store, reopened (a restart), when the backend persists. */
  reopen?(): Promise<ChallengeStore>;
}

let redisServer: RedisTestServer | undefined;
const connections: Redis[] = [];
const dirs: string[] = [];
let filePath = '';
const missing = redisServerMissing();

async function redisStore(): Promise<[RedisChallengeStore, Redis]> {
  const commands = connectRedis(redisServer!.url);
  const subscriber = connectRedis(redisServer!.url, 'subscriber');
  connections.push(commands, subscriber);
  expect(await whenReady(commands)).toBe(true);
  return [new RedisChallengeStore(commands, subscriber), commands];
}

const backends: Backend[] = [
  {
    name: 'memory',
    create: async () => {
      const s = new MemoryChallengeStore();
      return [s, s];
    },
  },
  {
    name: 'data folder',
    create: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'flowlab-challenges-'));
      dirs.push(dir);
      filePath = join(dir, 'challenges.json');
      const s = await FileChallengeStore.open(filePath);
      return [s, s];
    },
    reopen: () => FileChallengeStore.open(filePath),
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
      const [a, commands] = await redisStore();
      const [b] = await redisStore();
      await commands.flushall();
      return [a, b];
    },
    reopen: async () => (await redisStore())[0],
    teardown: async () => {
      for (const c of connections) c.disconnect();
      await redisServer?.stop();
    },
  },
];

const pass = (taskId: string, at = Date.now()): TaskPass => ({
  lesson: 'client-credentials',
  taskId,
  at,
  request: { at, endpoint: 'token', method: 'POST', path: '/token', status: 200, checks: [] },
});

/** Collects messages until `count` arrived (or fails after 2 s). */
function hear(store: ChallengeStore, count: number) {
  const got: ChallengeMessage[] = [];
  let done: () => void = () => {};
  const arrived = new Promise<void>((resolve, reject) => {
    done = resolve;
    setTimeout(() => reject(new Error(`heard ${JSON.stringify(got)}`)), 2000);
  });
  const ready = store.subscribe((m) => {
    got.push(m);
    if (got.length >= count) done();
  });
  return { got, ready, arrived };
}

for (const backend of backends) {
  describe.skipIf(!!backend.skip)(`ChallengeStore contract: ${backend.name}`, () => {
    beforeAll(async () => backend.setup?.());
    afterAll(async () => backend.teardown?.());

    it('keeps the first pass of each task, with the memory, and says which it added', async () => {
      const [s] = await backend.create();
      expect(await s.load('learner-a')).toEqual({ memory: EMPTY_MEMORY, passes: [] });
      const memory = { tokens: { 'client-credentials/reuse-token': { jti: 2 } } };
      const first = pass('basic-token', 1000);
      expect(await s.record('learner-a', memory, [first])).toEqual([first]);
      const again = pass('basic-token', 2000);
      const other = pass('call-api', 3000);
      expect(await s.record('learner-a', EMPTY_MEMORY, [again, other])).toEqual([other]);
      expect(await s.load('learner-a')).toEqual({ memory: EMPTY_MEMORY, passes: [first, other] });
      expect((await s.load('learner-b')).passes).toEqual([]);
      const map = await s.passesOf(['learner-a', 'learner-b']);
      expect(map.get('learner-a')).toEqual([first, other]);
      expect(map.get('learner-b')).toEqual([]);
    });

    it('tells every listener (at every instance) of each added pass, and of a forget', async () => {
      const [a, b] = await backend.create();
      const heard = hear(b, 3);
      await heard.ready;
      const p = pass('introspect-own');
      await a.record('learner-x', EMPTY_MEMORY, [p]);
      await a.record('learner-x', EMPTY_MEMORY, [p]); // not added again: not told again
      await a.forget('learner-x');
      await a.join('room-1', 'learner-x');
      await heard.arrived;
      expect(heard.got).toEqual([
        { type: 'pass', clientId: 'learner-x', pass: p },
        { type: 'cleared', clientId: 'learner-x' },
        { type: 'room', roomId: 'room-1' },
      ]);
      expect((await b.load('learner-x')).passes).toEqual([]);
    });

    it('counts members of a room under numbered handles; clearing the room forgets their progress', async () => {
      const [a, b] = await backend.create();
      expect(await a.join('r', 'learner-1')).toEqual({
        clientId: 'learner-1',
        handle: 'Learner 1',
      });
      expect(await b.join('r', 'learner-2')).toEqual({
        clientId: 'learner-2',
        handle: 'Learner 2',
      });
      expect(await a.join('r', 'learner-1')).toEqual({
        clientId: 'learner-1',
        handle: 'Learner 1',
      });
      expect(await a.join('other', 'learner-3')).toMatchObject({ handle: 'Learner 1' });
      expect(await b.members('r')).toEqual([
        { clientId: 'learner-1', handle: 'Learner 1' },
        { clientId: 'learner-2', handle: 'Learner 2' },
      ]);
      await a.record('learner-1', EMPTY_MEMORY, [pass('call-api')]);
      await a.record('learner-3', EMPTY_MEMORY, [pass('call-api')]);
      await b.clearRoom('r');
      expect((await a.load('learner-1')).passes).toEqual([]);
      expect((await a.load('learner-3')).passes).toHaveLength(1);
      expect(await a.members('r')).toHaveLength(2);
    });

    it.skipIf(!backend.reopen)('keeps progress and rooms across a restart', async () => {
      const [s] = await backend.create();
      const p = pass('two-methods');
      await s.record('learner-r', EMPTY_MEMORY, [p]);
      await s.join('room-r', 'learner-r');
      const reopened = await backend.reopen!();
      expect((await reopened.load('learner-r')).passes).toEqual([p]);
      expect(await reopened.members('room-r')).toEqual([
        { clientId: 'learner-r', handle: 'Learner 1' },
      ]);
    });
  });
}

describe('FileChallengeStore', () => {
  it('moves a corrupt file aside and starts empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowlab-challenges-'));
    try {
      const path = join(dir, 'challenges.json');
      await writeFile(path, '{"version":1,"clients":[["x"]],"rooms":[]}');
      const s = await FileChallengeStore.open(path);
      expect((await s.load('x')).passes).toEqual([]);
      expect((await readdir(dir)).some((f) => f.startsWith('challenges.json.corrupt-'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
