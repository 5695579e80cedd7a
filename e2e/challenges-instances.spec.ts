import { test } from '@playwright/test';
import { redisServerMissing } from '../lib/state/redis-test-server';
import { curlToken, expectDone, openChallenges } from './challenges-support';
import { startRedisPair, type RedisPair } from './instances';

// Two `next start` instances sharing a private redis-server: the page is served by A, the
// learner's request goes to B, B grades it, and A's page hears of the pass through Redis.

const missing = redisServerMissing();

test.describe('challenges across instances sharing Redis', () => {
  test.skip(!!missing, missing ?? '');
  let pair: RedisPair | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    pair = await startRedisPair('challenges-instances-instructor-key');
  });

  test.afterAll(async () => {
    await pair?.stop();
  });

  test('a request to B passes a task shown by the page A serves', async ({ page }) => {
    const me = await openChallenges(page, pair!.a.url);
    const sent = Date.now();
    await curlToken(pair!.b.url, me);
    await expectDone(page, 'Get a token with HTTP Basic', 2_000);
    console.log(`challenges: curl to B -> page served by A shows done in ${Date.now() - sent} ms`);
  });
});
