import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { TEST_REGISTRATION_LIMIT, TEST_REVOCATIONS_PER_CLIENT } from './e2e/http-support';
import { INSTRUCTOR_KEY } from './e2e/presenter-fixture';

/**
 * Browser tests run against the production build, served on loopback only.
 * E2E_PORT and NEXT_DIST_DIR let several runs share a machine without clashing.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      testIgnore: /(reset-demo|http-security)\.spec\.ts/,
    },
    // Resets state shared by every test (feed, revocations, lockouts): runs after all the others.
    {
      name: 'shared-state',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /reset-demo\.spec\.ts/,
      dependencies: ['chromium'],
    },
    // Locks the instructor out, fills a client's revocation quota and resets: runs last.
    {
      name: 'security',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /http-security\.spec\.ts/,
      dependencies: ['shared-state'],
    },
  ],
  webServer: {
    command: `node_modules/.bin/next build && node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/.well-known/oauth-authorization-server`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      FLOWLAB_DATA_DIR: process.env.FLOWLAB_DATA_DIR ?? '.data/e2e',
      // The presenter specs sign in with this key (e2e/presenter-fixture.ts).
      FLOWLAB_INSTRUCTOR_KEY: INSTRUCTOR_KEY,
      // Small enough that e2e/http-security.spec.ts fills one client's revocation quota quickly.
      FLOWLAB_REVOCATIONS_PER_CLIENT: String(TEST_REVOCATIONS_PER_CLIENT),
      // e2e/http-private-key-jwt.spec.ts registers each test from its own X-Forwarded-For address.
      FLOWLAB_TRUST_PROXY: '1',
      // Every browser test registers from 127.0.0.1: room for the whole suite's registrations.
      FLOWLAB_REGISTRATION_LIMIT: `${TEST_REGISTRATION_LIMIT}/600`,
    },
  },
});
