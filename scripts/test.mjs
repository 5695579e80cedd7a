#!/usr/bin/env node
// Runs every test: unit tests (Vitest), then browser tests (Playwright against the production
// build). Ends with one plain line, "N passed, N failed", counting both.
//   node scripts/test.mjs              unit + browser
//   node scripts/test.mjs --e2e-only   browser only (extra args go to Playwright)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const passThrough = args.filter((a) => a !== '--e2e-only');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const bin = (name) => `node_modules/.bin/${name}`;
const totals = { passed: 0, failed: 0 };

mkdirSync('test-results', { recursive: true });

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
  return r.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

if (!e2eOnly) {
  rmSync('test-results/unit.json', { force: true });
  const code = run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit.json',
  ]);
  const report = readJson('test-results/unit.json');
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
  }
  if (code !== 0 && (!report || report.numFailedTests === 0)) totals.failed += 1; // crashed run
}

/** Finds a Chromium for Playwright: Debian's, or Playwright's own, installing it where possible. */
async function ensureBrowser() {
  if (existsSync('/usr/bin/chromium')) return true;
  const { chromium } = await import('@playwright/test');
  if (existsSync(chromium.executablePath())) return true;
  console.log("No Chromium found: trying to install Playwright's own build ...");
  if (
    run(bin('playwright'), ['install', 'chromium']) === 0 &&
    existsSync(chromium.executablePath())
  ) {
    return true;
  }
  console.error(
    [
      '',
      'Browser tests need Chromium, and none could be found or downloaded.',
      'Install one of:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium     (provides /usr/bin/chromium)',
      '  anywhere else:  npx playwright install chromium       (needs internet access)',
      '',
    ].join('\n'),
  );
  return false;
}

if (await ensureBrowser()) {
  rmSync('test-results/e2e.json', { force: true });
  const code = run(bin('playwright'), ['test', ...passThrough]);
  const report = readJson('test-results/e2e.json');
  if (report?.stats) {
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
  }
  if (code !== 0 && (!report?.stats || report.stats.unexpected === 0)) totals.failed += 1;
} else {
  totals.failed += 1;
}

console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
