#!/usr/bin/env node
// Lesson pages against a hello-world Next page of the same versions, in one run: builds the
// hello-world app into a temporary folder (nothing is downloaded: it resolves next and react from
// this project's node_modules), serves both production builds on free loopback ports, runs
// Lighthouse (mobile, simulated throttling) with the system Chromium several times per page, in
// passes over the hello-world page and every lesson page (so a busier minute of a shared machine
// weighs on the baseline and the pages alike), and prints one table with medians, ratios to the
// hello-world page and the targets. Exits 1 when a target is missed.
//   npm run bench:web                          every mode page of every lesson, 3 passes
//   npm run bench:web -- --runs=1 --pages=step,intro   fewer runs, only these modes
//   BENCH_REUSE_BUILD=1 npm run bench:web      reuse .next-bench-web/app (FlowLab's build)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadedByLoader } from './paint-first.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const runs = Math.max(1, Number(args.runs ?? 3));
const onlyModes = args.pages ? new Set(args.pages.split(',')) : null;
const work = join(root, '.next-bench-web'); // matches .gitignore's .next-*/
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const nextBin = join(root, 'node_modules', '.bin', 'next');

/** The targets of the performance issue, per kind of page. */
const STATIC_MODES = new Set(['intro', 'flow', 'key-moments', 'snapshot', 'transcript', 'notes']);
const TARGETS = {
  perf: 0.95,
  staticPerf: 0.97,
  tbtRatio: 1.5,
  lcpRatio: 1.3,
  staticJsExtraKb: 10,
  stepJsExtraKb: 30,
};

if (!existsSync(chromePath)) {
  console.error(`No Chromium at ${chromePath}: apt-get install -y chromium, or set CHROME_PATH.`);
  process.exit(2);
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** `next build` into distDir. Next adds distDir's type folders to tsconfig.json: put it back. */
function build(cwd, distDir) {
  const tsconfig = join(cwd, 'tsconfig.json');
  const before = existsSync(tsconfig) ? readFileSync(tsconfig, 'utf8') : null;
  try {
    const r = spawnSync(nextBin, ['build'], {
      cwd,
      env: { ...env, NEXT_DIST_DIR: distDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`next build failed in ${cwd}`);
  } finally {
    if (before !== null) writeFileSync(tsconfig, before);
  }
}

/** A hello-world App Router app: one layout, one page with a heading. */
function writeHelloWorld(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'hello-world', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'next.config.mjs'),
    `export default { distDir: process.env.NEXT_DIST_DIR || '.next', turbopack: { root: ${JSON.stringify(root)} } };\n`,
  );
  writeFileSync(
    join(dir, 'app', 'layout.jsx'),
    `export const metadata = { title: 'Hello' };\nexport default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  writeFileSync(
    join(dir, 'app', 'page.jsx'),
    `export default function Page() {\n  return (<main><h1>Hello, world</h1><p>A Next.js page with nothing else.</p></main>);\n}\n`,
  );
}

async function serve(cwd, distDir) {
  const port = await freePort();
  const child = spawn(nextBin, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    env: { ...env, NEXT_DIST_DIR: distDir, FLOWLAB_DATA_DIR: join(work, 'data') },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(base)).status < 500) return { base, child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server in ${cwd} did not start`);
}

function stop(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** The lessons are the folders of lib/lessons; their mode pages are the links of the chooser. */
async function lessonPages(base) {
  const slugs = readdirSync(join(root, 'lib', 'lessons'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'lib', 'lessons', d.name, 'index.ts')))
    .map((d) => d.name);
  const pages = [];
  for (const slug of slugs) {
    const html = await (await fetch(`${base}/learn/${slug}`)).text();
    const modes = new Set(
      [...html.matchAll(new RegExp(`href="/learn/${slug}/([a-z-]+)"`, 'g'))].map((m) => m[1]),
    );
    if (!onlyModes || onlyModes.has('chooser'))
      pages.push({ slug, mode: 'chooser', path: `/learn/${slug}` });
    for (const mode of [...modes].sort()) {
      if (!onlyModes || onlyModes.has(mode))
        pages.push({ slug, mode, path: `/learn/${slug}/${mode}` });
    }
  }
  return pages;
}

const gzipCache = new Map();
async function gzipKb(url) {
  if (!gzipCache.has(url)) {
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    gzipCache.set(url, gzipSync(bytes, { level: 9 }).length / 1024);
  }
  return gzipCache.get(url);
}

const htmlCache = new Map();
async function pageHtml(url) {
  if (!htmlCache.has(url)) htmlCache.set(url, await (await fetch(url)).text());
  return htmlCache.get(url);
}

/**
 * One Lighthouse run: performance score, TBT, FCP, LCP, the gzip size of the page's scripts
 * (done by `load`, or asked for by its paint-first loader), and whether the page painted its
 * largest content before any script had downloaded. When it did not, Lighthouse's simulation
 * counts those scripts as needed for the paint (it cannot tell that an async script was not),
 * which is why LCP can be far above FCP on a server-rendered page.
 * A run Lighthouse itself could not finish (a runtime error, no metrics) is tried again, twice.
 */
async function measure(url, port, attempt = 1) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const { audits, categories, runtimeError } = result.lhr;
  const metrics = audits.metrics?.details?.items?.[0];
  if (runtimeError || !metrics) {
    const why = runtimeError ? `${runtimeError.code}: ${runtimeError.message}` : 'no metrics';
    if (attempt >= 3) throw new Error(`Lighthouse could not measure ${url} (${why})`);
    console.error(`Lighthouse failed on ${url} (${why}); trying again.`);
    return measure(url, port, attempt + 1);
  }
  const net = audits['network-requests'].details;
  const startTs = net.debugData?.networkStartTimeTs ?? 0;
  const scripts = net.items.filter(
    (r) =>
      r.resourceType === 'Script' &&
      r.networkEndTime !== undefined &&
      startTs + r.networkEndTime * 1000 <= metrics.observedLoadTs,
  );
  // The page's JavaScript: what was done by `load`, and what its paint-first loader asks for
  // once it has painted (scripts/paint-first.mjs), which may finish after `load`.
  const asked = loadedByLoader(await pageHtml(url));
  const jsUrls = new Set([
    ...scripts.map((s) => s.url),
    ...(asked ? [...asked.scripts, ...asked.preloads].map((src) => new URL(src, url).href) : []),
  ]);
  let jsKb = 0;
  for (const u of jsUrls) jsKb += await gzipKb(u);
  const firstScriptEndTs = Math.min(...scripts.map((s) => startTs + s.networkEndTime * 1000));
  return {
    perf: categories.performance.score,
    tbt: audits['total-blocking-time'].numericValue,
    fcp: audits['first-contentful-paint'].numericValue,
    lcp: audits['largest-contentful-paint'].numericValue,
    jsKb,
    paintedFirst: metrics.observedLargestContentfulPaintTs < firstScriptEndTs ? 1 : 0,
  };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The medians of one page's runs, and how many of them painted first. */
function summarize(samples) {
  return {
    ...Object.fromEntries(
      ['perf', 'tbt', 'fcp', 'lcp', 'jsKb'].map((k) => [k, median(samples.map((s) => s[k]))]),
    ),
    paintedFirst: samples.reduce((n, s) => n + s.paintedFirst, 0),
  };
}

function checks(page, m, hello) {
  const isStatic = STATIC_MODES.has(page.mode);
  const minPerf = isStatic ? TARGETS.staticPerf : TARGETS.perf;
  const out = [
    [`perf>=${minPerf}`, m.perf >= minPerf],
    [`TBT<=${TARGETS.tbtRatio}x`, m.tbt <= TARGETS.tbtRatio * Math.max(hello.tbt, 1)],
    [`LCP<=${TARGETS.lcpRatio}x`, m.lcp <= TARGETS.lcpRatio * hello.lcp],
  ];
  if (isStatic)
    out.push([`JS<=+${TARGETS.staticJsExtraKb}kB`, m.jsKb <= hello.jsKb + TARGETS.staticJsExtraKb]);
  if (page.mode === 'step')
    out.push([`JS<=+${TARGETS.stepJsExtraKb}kB`, m.jsKb <= hello.jsKb + TARGETS.stepJsExtraKb]);
  return out;
}

const servers = [];
let chrome;
let failed = false;
try {
  mkdirSync(work, { recursive: true });
  const helloDir = join(work, 'hello-world');
  writeHelloWorld(helloDir);
  console.log('Building the hello-world page ...');
  build(helloDir, '.next');
  const appDist = '.next-bench-web/app';
  if (!(process.env.BENCH_REUSE_BUILD && existsSync(join(root, appDist)))) {
    console.log('Building FlowLab ...');
    build(root, appDist);
  }
  const hello = await serve(helloDir, '.next');
  const app = await serve(root, appDist);
  servers.push(hello.child, app.child);

  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  const pages = await lessonPages(app.base);
  const urls = [`${hello.base}/`, ...pages.map((page) => `${app.base}${page.path}`)];
  const samples = urls.map(() => []);
  for (let pass = 1; pass <= runs; pass += 1) {
    console.log(
      `Lighthouse pass ${pass} of ${runs}: the hello-world page, then ${pages.length} lesson pages`,
    );
    for (const [i, url] of urls.entries()) samples[i].push(await measure(url, chrome.port));
  }
  const [h, ...measured] = samples.map(summarize);
  console.log(`\nLighthouse ${runs}x per page (mobile, simulated throttling), medians:\n`);
  // FCP and "painted first" (runs whose largest paint came before any script had downloaded)
  // have no target: they show why LCP is where it is.
  const head = `${'page'.padEnd(40)} ${'JS kB'.padStart(7)} ${'+kB'.padStart(6)} ${'perf'.padStart(5)} ${'TBT ms'.padStart(7)} ${'xTBT'.padStart(5)} ${'FCP ms'.padStart(7)} ${'xFCP'.padStart(5)} ${'LCP ms'.padStart(7)} ${'xLCP'.padStart(5)} ${'1st'.padStart(4)}  targets`;
  console.log(head);
  console.log('-'.repeat(head.length + 20));
  const fmt = (name, m, rest) =>
    `${name.padEnd(40)} ${m.jsKb.toFixed(1).padStart(7)} ${(m.jsKb - h.jsKb).toFixed(1).padStart(6)} ${m.perf.toFixed(2).padStart(5)} ${Math.round(m.tbt).toString().padStart(7)} ${(m.tbt / Math.max(h.tbt, 1)).toFixed(2).padStart(5)} ${Math.round(m.fcp).toString().padStart(7)} ${(m.fcp / h.fcp).toFixed(2).padStart(5)} ${Math.round(m.lcp).toString().padStart(7)} ${(m.lcp / h.lcp).toFixed(2).padStart(5)} ${`${m.paintedFirst}/${runs}`.padStart(4)}  ${rest}`;
  console.log(fmt('hello-world page (baseline)', h, ''));
  for (const [i, page] of pages.entries()) {
    const m = measured[i];
    const results = checks(page, m, h);
    const missed = results.filter(([, ok]) => !ok);
    if (missed.length) failed = true;
    console.log(
      fmt(
        page.path,
        m,
        missed.length
          ? `MISSED ${missed.map(([n]) => n).join(' ')}`
          : `ok (${results.map(([n]) => n).join(' ')})`,
      ),
    );
  }
  console.log(failed ? '\nSome targets were missed.' : '\nEvery target met.');
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (chrome) await chrome.kill();
  for (const child of servers) stop(child);
}
process.exit(failed ? 1 : 0);
