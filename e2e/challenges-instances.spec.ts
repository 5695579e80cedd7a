import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { generateSigningJwk } from '../lib/oauth/key-store';
import {
  freePort,
  redisServerMissing,
  startRedisServer,
  type RedisTestServer,
} from '../lib/state/redis-test-server';
import { curlToken, expectDone, openChallenges } from './challenges-support';
import { nextInstance, type Instance } from './instances';

// Two `next start` instances sharing a private redis-server: the page is served by A, the
// learner's request goes to B, B grades it, and A's page hears of the pass through Redis.

const missing = redisServerMissing();

test.describe('challenges across instances sharing Redis', () => {
  test.skip(!!missing, missing ?? '');
  let redis: RedisTestServer | undefined;
  let a: Instance | undefined;
  let b: Instance | undefined;
  const dirs: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    redis = await startRedisServer();
    const env = {
      FLOWLAB_SIGNING_KEY: JSON.stringify(await generateSigningJwk()),
      FLOWLAB_ISSUER: 'http://flowlab.test',
      FLOWLAB_INSTRUCTOR_KEY: 'challenges-instances-instructor-key',
      FLOWLAB_REDIS_URL: redis.url,
    };
    const instance = async () => {
      const dir = await mkdtemp(join(tmpdir(), 'flowlab-instance-'));
      dirs.push(dir);
      return nextInstance(await freePort(), { ...env, FLOWLAB_DATA_DIR: dir });
    };
    a = await instance();
    b = await instance();
    await Promise.all([a.start(), b.start()]);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), redis?.stop()]);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  test('a request to B passes a task shown by the page A serves', async ({ page }) => {
    const me = await openChallenges(page, a!.url);
    await curlToken(b!.url, me);
    await expectDone(page, 'Get a token with HTTP Basic', 2_000);
  });
});
