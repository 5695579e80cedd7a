#!/usr/bin/env node
// Bounded load test of the live features (follow-me rooms and the live feed), loopback only.
//
// Against running instances (followers and feed listeners spread over them in turn):
//   node scripts/load-live.mjs --base=http://127.0.0.1:3000[,http://127.0.0.1:3001] \
//     --followers=600 --feeds=50 --seconds=10
// The presenter's calls use the instructor's token (client credentials grant): the key is
// --key=, else FLOWLAB_INSTRUCTOR_KEY, else the data folder's file.
//
// Side by side, with servers it starts and stops itself on free loopback ports (a build first,
// e.g. `npm run build`, or NEXT_DIST_DIR=<dir> with --dist=<dir>):
//   node scripts/load-live.mjs --compare [--dist=.next] [--followers=2000 --feeds=100]
// runs one instance without Redis, then two instances sharing a private redis-server, and
// prints one table. It exits by itself (hard time limit) and cleans up on every path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinSeconds, runLoad } from './load-live-run.mjs';
import { killAllNow, startInstance, startRedis, stopAll } from './load-live-servers.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const compare = args.compare === 'true';
const options = {
  followers: Math.min(Number(args.followers ?? (compare ? 2000 : 600)), 5000),
  feeds: Math.min(Number(args.feeds ?? (compare ? 100 : 50)), 1000),
  seconds: Math.min(Number(args.seconds ?? 10), 60),
  stateRate: Math.min(Number(args['state-rate'] ?? 5), 50), // presenter moves per second
  tokenConcurrency: Math.min(Number(args['token-concurrency'] ?? 8), 64),
};
const P99_TARGET_MS = 500;
const perRun = options.seconds + joinSeconds(options.followers) + 90;
const HARD_LIMIT_MS = (compare ? 2 * perRun + 60 : perRun) * 1000;

const hardStop = setTimeout(() => {
  console.error(`Hard time limit of ${HARD_LIMIT_MS / 1000} s reached: stopping.`);
  killAllNow();
  process.exit(3);
}, HARD_LIMIT_MS);
hardStop.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

/** The instructor key: --key=, FLOWLAB_INSTRUCTOR_KEY, or `<FLOWLAB_DATA_DIR>/instructor-key`. */
function instructorKey() {
  if (args.key) return args.key;
  if (process.env.FLOWLAB_INSTRUCTOR_KEY) return process.env.FLOWLAB_INSTRUCTOR_KEY;
  try {
    return readFileSync(
      join(process.env.FLOWLAB_DATA_DIR || '.data', 'instructor-key'),
      'utf8',
    ).trim();
  } catch {
    console.error(
      'The presenter calls need the instructor key: --key=... or FLOWLAB_INSTRUCTOR_KEY.',
    );
    process.exit(2);
  }
}

/** Runs against the instances given with --base. */
async function againstRunning() {
  const bases = (args.base ?? 'http://127.0.0.1:3000').split(',').map((b) => new URL(b).origin);
  for (const b of bases) {
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(b).hostname)) {
      console.error(`Refusing to load-test ${b}: loopback only.`);
      process.exit(2);
    }
  }
  console.log(
    `Load test of ${bases.join(', ')}: ${options.followers} followers, ${options.feeds} feed listeners, ${options.seconds} s.`,
  );
  console.log(JSON.stringify(await runLoad({ bases, key: instructorKey(), ...options }), null, 2));
}

/** One instance without Redis, then two sharing a private Redis; prints them side by side. */
async function sideBySide() {
  const dist = args.dist ?? process.env.NEXT_DIST_DIR ?? '.next';
  const { generateKeyPair, exportJWK } = await import('jose');
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const key = `load-live-${Math.random().toString(36).slice(2)}-instructor-key`;
  const common = {
    FLOWLAB_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), alg: 'ES256' }),
    FLOWLAB_ISSUER: 'http://flowlab.load',
    FLOWLAB_INSTRUCTOR_KEY: key,
  };
  const results = [];
  console.log(
    `${options.followers} followers, ${options.feeds} feed listeners, ${options.seconds} s, build ${dist}.`,
  );
  try {
    const one = await startInstance(dist, { ...common, FLOWLAB_REDIS_URL: '' });
    results.push({
      setup: '1 instance, no Redis',
      ...(await runLoad({ bases: [one], key, ...options })),
    });
    await stopAll();
    const redisUrl = await startRedis();
    if (!redisUrl) {
      console.error(
        'redis-server is not installed (apt-get install redis-server): two-instance run skipped.',
      );
    } else {
      const env = { ...common, FLOWLAB_REDIS_URL: redisUrl };
      const bases = await Promise.all([startInstance(dist, env), startInstance(dist, env)]);
      results.push({
        setup: '2 instances + Redis',
        ...(await runLoad({ bases, key, ...options })),
      });
    }
  } finally {
    await stopAll();
  }
  const rows = [
    ['followers (rooms)', (r) => `${r.followers} (${r.rooms})`],
    ['feed listeners', (r) => r.feedListeners],
    ['followers connected in', (r) => `${r.followerConnectSeconds} s`],
    ['presenter moves', (r) => r.presenterMoves],
    ['moves delivered', (r) => r.moveDeliveryRatio],
    ['move latency p50 / p99', (r) => `${r.stateP50Ms} / ${r.stateP99Ms} ms`],
    ['/token requests', (r) => `${r.tokenRequests} ${JSON.stringify(r.tokenStatuses)}`],
    ['feed events delivered', (r) => r.feedDeliveryRatio],
    ['feed latency p50 / p99', (r) => `${r.feedP50Ms} / ${r.feedP99Ms} ms`],
  ];
  const table = [
    ['', ...results.map((r) => r.setup)],
    ...rows.map(([name, f]) => [name, ...results.map((r) => String(f(r)))]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(`| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
  const failed = results.filter(
    (r) => r.moveDeliveryRatio < 1 || r.feedDeliveryRatio < 1 || r.stateP99Ms > P99_TARGET_MS,
  );
  for (const r of failed)
    console.error(`${r.setup}: not every update delivered, or p99 over ${P99_TARGET_MS} ms.`);
  return failed.length === 0;
}

(compare ? sideBySide() : againstRunning().then(() => true))
  .then((passed) => process.exit(passed ? 0 : 1))
  .catch(async (e) => {
    console.error(`Load test failed: ${e.stack ?? e.message}`);
    await stopAll().catch(() => killAllNow());
    process.exit(1);
  });
