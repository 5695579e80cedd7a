#!/usr/bin/env node
// npm run bench:ui: how fast the step-by-step page repaints after a step change, in a real browser.
//
//   1. Local steps: on /learn/client-credentials/step?scenario=valid&step=7 (every step already
//      run), N step changes by keyboard (ArrowLeft / ArrowRight, alternating between steps 7 and 6).
//      Each is timed in the page from the keydown (performance.now() in a capturing listener) to
//      the first animation frame after the DOM shows the new step ("Step n of 7" above the step
//      title, seen by a MutationObserver). Printed: p50 / p95 / max and the share within one
//      16.7 ms frame.
//   2. Network steps: after Reset, ArrowRight to step 1, then ArrowRight sends the real POST /token.
//      Timed from that keydown to the first frame after "Step 2 of 7" appears, minus the request's
//      own duration (its Resource Timing entry, startTime to responseEnd): what the page adds.
//
// Builds into .next-bench-ui (or reuses it with BENCH_REUSE_BUILD=1), starts `next start` on a free
// loopback port with its own data dir, and always stops it. Bounded: fixed counts, a timeout per
// wait and one for the whole run.
// Options (env): BENCH_UI_CHANGES (default 100), BENCH_UI_RESETS (default 20),
//   BENCH_REUSE_BUILD=1, BENCH_UI_DIST_DIR (default .next-bench-ui).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';

const changes = Number(process.env.BENCH_UI_CHANGES ?? 100);
const resets = Number(process.env.BENCH_UI_RESETS ?? 20);
const distDir = process.env.BENCH_UI_DIST_DIR ?? '.next-bench-ui';
const dataDir = '.data/bench-ui';
const FRAME_MS = 1000 / 60;
const WAIT_MS = 15_000;
const RUN_LIMIT_MS = 10 * 60_000;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_DIST_DIR: distDir,
  FLOWLAB_DATA_DIR: dataDir,
};

function build() {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(`${distDir}/BUILD_ID`)) {
    console.log(`Reusing the build in ${distDir}`);
    return;
  }
  console.log(`Building into ${distDir} …`);
  // next build may add its dist dir's types to tsconfig.json: put the file back as it was.
  const tsconfig = readFileSync('tsconfig.json', 'utf8');
  try {
    const result = spawnSync('node_modules/.bin/next', ['build'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 5 * 60_000,
    });
    if (result.status !== 0)
      throw new Error(`next build failed (status ${result.status ?? result.signal})`);
  } finally {
    if (readFileSync('tsconfig.json', 'utf8') !== tsconfig)
      writeFileSync('tsconfig.json', tsconfig);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer(port) {
  const child = spawn('node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/.well-known/oauth-authorization-server`);
      if (res.ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopServer(child);
  throw new Error('next start did not answer within 60 s');
}

function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // its own process group (detached), nothing else
  } catch {
    child.kill('SIGTERM');
  }
}

/**
 * Installed in the page: arms a capturing keydown listener and a MutationObserver on the step
 * detail, and resolves with timings once the step reads "Step <expected> of" and a frame has run.
 */
function arm({ expected, wait }) {
  const title = document.querySelector('[data-testid="step-title"]');
  const detail = title?.parentElement;
  if (!detail) throw new Error('step detail not found');
  const position = () => detail.firstElementChild?.textContent ?? '';
  const prefix = `Step ${expected} of`;
  performance.clearResourceTimings();
  window.__benchResult = new Promise((resolve, reject) => {
    let keyAt = null;
    const timeout = setTimeout(
      () => reject(new Error(`"${prefix}" not shown within ${wait} ms (now "${position()}")`)),
      wait,
    );
    const done = () => {
      const domAt = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        clearTimeout(timeout);
        const token = performance
          .getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname === '/token' && e.startTime >= keyAt)
          .at(-1);
        resolve({
          dom: domAt - keyAt,
          frame: frameAt - keyAt,
          response: token ? token.responseEnd - token.startTime : null,
        });
      });
    };
    const observer = new MutationObserver(() => {
      if (keyAt !== null && position().startsWith(prefix)) done();
    });
    observer.observe(detail, { subtree: true, childList: true, characterData: true });
    document.addEventListener('keydown', () => (keyAt = performance.now()), {
      capture: true,
      once: true,
    });
  });
}

async function timedKey(page, key, expected) {
  await page.evaluate(arm, { expected, wait: WAIT_MS });
  await page.keyboard.press(key);
  return page.evaluate(() => window.__benchResult);
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted.at(-1) };
}

const ms = (v) => `${v.toFixed(1)} ms`;

function report(label, values, { frameShare = false } = {}) {
  const s = stats(values);
  const within = values.filter((v) => v <= FRAME_MS).length;
  const share = frameShare
    ? `   within one frame (${FRAME_MS.toFixed(1)} ms): ${within}/${s.n} (${((100 * within) / s.n).toFixed(0)}%)`
    : '';
  console.log(
    `${label.padEnd(44)} n=${s.n}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}${share}`,
  );
}

async function measure(base) {
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${base}/learn/client-credentials/step?scenario=valid&step=7`);
    await page.getByText('Step 7 of 7', { exact: true }).waitFor();
    await page.evaluate(() =>
      document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
    );

    // Warm-up: one round trip each way, not counted.
    await timedKey(page, 'ArrowLeft', 6);
    await timedKey(page, 'ArrowRight', 7);

    const local = { dom: [], frame: [] };
    for (let i = 0; i < changes; i += 1) {
      const back = i % 2 === 0;
      const r = await timedKey(page, back ? 'ArrowLeft' : 'ArrowRight', back ? 6 : 7);
      local.dom.push(r.dom);
      local.frame.push(r.frame);
    }

    const network = { total: [], response: [], overhead: [] };
    for (let i = 0; i < resets; i += 1) {
      await page.getByRole('button', { name: 'Reset to start' }).click();
      await page.getByText('Start · 7 steps', { exact: true }).waitFor();
      await page.evaluate(() =>
        document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
      );
      await timedKey(page, 'ArrowRight', 1);
      const r = await timedKey(page, 'ArrowRight', 2);
      if (r.response === null) throw new Error('no Resource Timing entry for POST /token');
      network.total.push(r.frame);
      network.response.push(r.response);
      network.overhead.push(r.frame - r.response);
    }

    console.log(
      `\nStep repaint on /learn/client-credentials/step (headless Chromium, production build)`,
    );
    report(`local step change: keydown -> DOM updated`, local.dom);
    report(`local step change: keydown -> next frame`, local.frame, { frameShare: true });
    report(`step 1 -> 2 (POST /token): keydown -> frame`, network.total);
    report(`  the /token request itself`, network.response);
    report(`  page's own share (total - request)`, network.overhead, { frameShare: true });
  } finally {
    await browser.close();
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench:ui exceeded ${RUN_LIMIT_MS / 60_000} minutes; stopping`);
  process.exitCode = 1;
  if (server) stopServer(server.child);
  process.exit(1);
}, RUN_LIMIT_MS);
let server = null;
try {
  build();
  server = await startServer(await freePort());
  console.log(`Serving on ${server.base}; ${changes} step changes, ${resets} resets`);
  await measure(server.base);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (server) stopServer(server.child);
  clearTimeout(watchdog);
}
