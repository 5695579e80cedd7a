#!/usr/bin/env node
// npm run bench: a bounded load test on loopback, printed side by side.
//   POST /token and GET /api/data through Next (production build, `next start`),
//   GET /api/ping through Next (a trivial route handler: the framework's floor),
//   POST /token through the bare node:http adapter (scripts/auth-server.ts, same core),
//   POST /token on a minimal node:http + jose server (parse, check secret, sign: the reference).
// Options (env): BENCH_DURATION (s per target, default 10), BENCH_ROUNDS (default 5),
//   BENCH_CONNECTIONS (default 32),
//   BENCH_REUSE_BUILD=1 to reuse .next-bench when present, BENCH_DIST_DIR (default .next-bench).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const distDir = process.env.BENCH_DIST_DIR ?? '.next-bench';
const dataDir = '.data/bench';
const FORM = 'application/x-www-form-urlencoded';
const TOKEN_BODY = 'grant_type=client_credentials&client_id=abc&client_secret=xyz';

// ---- the minimal reference server (run in a child process: node scripts/bench.mjs --minimal) ----
if (process.argv.includes('--minimal')) {
  const { SignJWT, generateKeyPair } = await import('jose');
  const { privateKey } = await generateKeyPair('ES256');
  const { timingSafeEqual, createHash, randomUUID } = await import('node:crypto');
  const expected = createHash('sha256').update('xyz').digest();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const p = new URLSearchParams(body);
      const got = createHash('sha256')
        .update(p.get('client_secret') ?? '')
        .digest();
      if (p.get('client_id') !== 'abc' || !timingSafeEqual(got, expected)) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"error":"invalid_client"}');
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ client_id: 'abc', scope: 'data:read' })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k' })
        .setIssuer('http://127.0.0.1')
        .setSubject('abc')
        .setAudience('http://127.0.0.1/api')
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .setJti(randomUUID())
        .sign(privateKey);
      res.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        pragma: 'no-cache',
      });
      res.end(
        JSON.stringify({
          access_token: token,
          token_type: 'Bearer',
          expires_in: 3600,
          scope: 'data:read',
        }),
      );
    });
  });
  server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  await main();
}

async function freePort() {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function waitFor(url, ms = 120_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

function start(cmd, args, env) {
  const child = spawn(cmd, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return child;
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** One short autocannon run. */
async function once1(opts, seconds) {
  return autocannon({ connections, duration: seconds, pipelining: 1, ...opts });
}

/**
 * Measures every target in ROUNDS interleaved rounds (round-robin), so a change in background
 * load on a shared machine hits all targets alike instead of skewing whichever ran at that time.
 */
async function measure(targets) {
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
  const slice = Math.max(1, Math.round(duration / rounds));
  const acc = targets.map((t) => ({
    title: t.title,
    requests: 0,
    seconds: 0,
    p50: [],
    p99: [],
    errors: 0,
  }));
  for (let r = 0; r < rounds; r++) {
    for (const [i, t] of targets.entries()) {
      const res = await once1(t.opts, slice);
      const a = acc[i];
      a.requests += res.requests.total;
      a.seconds += res.duration;
      a.p50.push(res.latency.p50);
      a.p99.push(res.latency.p99);
      a.errors += res.errors + res.timeouts + res.non2xx;
    }
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return acc.map((a) => ({
    title: a.title,
    rps: a.requests / a.seconds,
    p50: median(a.p50),
    p99: median(a.p99),
    errors: a.errors,
  }));
}

async function main() {
  const children = [];
  const cleanup = async () => {
    for (const c of children) await stop(c);
  };
  process.on('SIGINT', async () => {
    await cleanup();
    process.exit(130);
  });
  try {
    if (!(process.env.BENCH_REUSE_BUILD && existsSync(`${distDir}/BUILD_ID`))) {
      console.log(`Building the production app into ${distDir} ...`);
      const b = spawnSync('node_modules/.bin/next', ['build'], {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir },
      });
      spawnSync('git', ['checkout', '--quiet', 'tsconfig.json'], { stdio: 'ignore' }); // next build may add its types path
      if (b.status !== 0) {
        console.error(b.stdout);
        throw new Error('next build failed');
      }
    }
    const env = { NEXT_DIST_DIR: distDir, FLOWLAB_DATA_DIR: dataDir };
    const nextPort = await freePort();
    const next = start(
      'node_modules/.bin/next',
      ['start', '-H', '127.0.0.1', '-p', String(nextPort)],
      env,
    );
    children.push(next);
    const adapterPort = await freePort();
    const adapter = start('node_modules/.bin/tsx', ['scripts/auth-server.ts', '--quiet'], {
      ...env,
      PORT: String(adapterPort),
    });
    children.push(adapter);
    const minimal = start(process.execPath, ['scripts/bench.mjs', '--minimal'], {});
    children.push(minimal);
    const [minimalLine] = await once(minimal.stdout, 'data');
    const minimalPort = Number(/PORT (\d+)/.exec(String(minimalLine))[1]);

    const nextUrl = `http://127.0.0.1:${nextPort}`;
    const adapterUrl = `http://127.0.0.1:${adapterPort}`;
    await waitFor(`${nextUrl}/api/ping`);
    await waitFor(`${adapterUrl}/.well-known/jwks.json`);

    const tokenRes = await fetch(`${nextUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: TOKEN_BODY,
    });
    const { access_token: token } = await tokenRes.json();
    if (!token) throw new Error(`could not get a token: ${tokenRes.status}`);

    const post = (url) => ({
      url,
      method: 'POST',
      headers: { 'content-type': FORM },
      body: TOKEN_BODY,
    });
    // warm up each target briefly (JIT, lazy route compilation), then measure one after another
    for (const u of [
      `${nextUrl}/token`,
      `${adapterUrl}/token`,
      `http://127.0.0.1:${minimalPort}/token`,
    ]) {
      await autocannon({ ...post(u), connections: 8, duration: 1 });
    }
    await autocannon({ url: `${nextUrl}/api/ping`, connections: 8, duration: 1 });

    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
    console.log(
      `Measuring: ${duration} s per target in ${rounds} interleaved rounds, ${connections} connections, loopback ...`,
    );
    const rows = await measure([
      { title: 'Next  POST /token', opts: post(`${nextUrl}/token`) },
      {
        title: 'Next  GET /api/data',
        opts: { url: `${nextUrl}/api/data`, headers: { authorization: `Bearer ${token}` } },
      },
      { title: 'Next  GET /api/ping (trivial)', opts: { url: `${nextUrl}/api/ping` } },
      { title: 'Next  POST /api/ping (reads body)', opts: post(`${nextUrl}/api/ping`) },
      { title: 'node:http adapter  POST /token', opts: post(`${adapterUrl}/token`) },
      {
        title: 'minimal node:http+jose  POST /token',
        opts: post(`http://127.0.0.1:${minimalPort}/token`),
      },
    ]);

    const pad = (s, n) => String(s).padEnd(n);
    const padL = (s, n) => String(s).padStart(n);
    const load = (await import('node:os')).loadavg()[0];
    console.log(
      `\n(load average during the run: ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs)`,
    );
    console.log(
      `${pad('target', 38)}${padL('req/s', 9)}${padL('p50 ms', 8)}${padL('p99 ms', 8)}${padL('errors', 8)}`,
    );
    for (const r of rows) {
      console.log(
        `${pad(r.title, 38)}${padL(r.rps.toFixed(0), 9)}${padL(r.p50, 8)}${padL(r.p99, 8)}${padL(r.errors, 8)}`,
      );
    }
    const [token1, , ping, postPing, adapterRow, minimalRow] = rows;
    const nextRatio = token1.rps / ping.rps;
    const adapterRatio = adapterRow.rps / minimalRow.rps;
    const postRatio = token1.rps / postPing.rps;
    const errors = rows.reduce((n, r) => n + r.errors, 0);
    console.log('');
    console.log(
      `Next /token vs trivial route:        ${nextRatio.toFixed(2)}x  (target >= 0.85) ${nextRatio >= 0.85 ? 'OK' : 'BELOW'}`,
    );
    console.log(`Next /token vs POST route reading a body: ${postRatio.toFixed(2)}x  (context)`);
    console.log(
      `node:http adapter vs minimal server: ${adapterRatio.toFixed(2)}x  (target >= 0.60) ${adapterRatio >= 0.6 ? 'OK' : 'BELOW'}`,
    );
    console.log(
      `errors (non-2xx included):           ${errors}  (target 0) ${errors === 0 ? 'OK' : 'BELOW'}`,
    );
    process.exitCode = nextRatio >= 0.85 && adapterRatio >= 0.6 && errors === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}
