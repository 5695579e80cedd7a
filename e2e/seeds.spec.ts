import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

/**
 * The requests the lesson's seeds show, sent unchanged to this app (host swapped for the test
 * server's): seed 000's HTTP request with abc/xyz, seed 001's curl line and Python program.
 */
const run = promisify(execFile);

async function has(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

test('seed 000: the raw POST /token request with abc/xyz', async ({ request }) => {
  const res = await request.post('/token', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'grant_type=client_credentials&client_id=abc&client_secret=xyz',
  });
  expect(res.status()).toBe(200);
  const json = await res.json();
  expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  const api = await request.get('/api/data', {
    headers: { Authorization: `Bearer ${json.access_token}` },
  });
  expect(api.status()).toBe(200);
});

test('seed 001: the practice request with abc123/secret456', async ({ request }) => {
  const res = await request.post('/token', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'grant_type=client_credentials&client_id=abc123&client_secret=secret456',
  });
  expect(res.status()).toBe(200);
  expect(await res.json()).toHaveProperty('access_token');
});

test('seed 001: the curl line, run with curl', async ({ baseURL }) => {
  test.skip(
    !existsSync('/usr/bin/curl') && !(await has('curl', ['--version'])),
    'curl is not installed',
  );
  const { stdout } = await run(
    'curl',
    [
      '-sS',
      '-X',
      'POST',
      `${baseURL}/token`,
      '-H',
      'Content-Type: application/x-www-form-urlencoded',
      '-d',
      'client_id=myapp123&client_secret=secret456&grant_type=client_credentials',
    ],
    { timeout: 15_000 },
  );
  const json = JSON.parse(stdout);
  expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'data:read' });
  expect(json.access_token.split('.')).toHaveLength(3);
});

test('seed 001: the Python requests program (examples/client_credentials.py)', async ({
  baseURL,
}) => {
  test.skip(
    !(await has('python3', ['-c', 'import requests'])),
    'python3 with the requests package is not installed (pip install requests)',
  );
  const { stdout } = await run('python3', ['examples/client_credentials.py', baseURL!], {
    timeout: 20_000,
  });
  expect(stdout).toMatch(/^Access token: eyJ[\w-]+\.[\w-]+\.[\w-]+$/m);
  expect(stdout).toContain('API status: 200');
  expect(stdout).toContain('API client_id: myapp123');
});
