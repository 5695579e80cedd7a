import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { expectDone, followOwnClient, openChallenges } from './challenges-support';

// Each lesson's sample program as a learner with only a terminal gets it: the Challenges page
// shows the commands that fetch it from this server and run it here; pasted into a shell in an
// empty folder, they pass the lesson's tasks.

const run = promisify(execFile);

/** The text of a block of the sample program's card, by its label. */
async function shown(page: Page, label: string, file: string): Promise<string> {
  const card = page.getByRole('region', { name: 'The lesson’s sample program' });
  return (await card.getByLabel(`${label} of ${file}`, { exact: true }).textContent()) ?? '';
}

/** Runs the page's two commands in a new empty folder, as a learner pasting them; answers stdout. */
async function fetchAndRun(fetchCommand: string, runCommand: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'flowlab-sample-'));
  try {
    await run('sh', ['-c', fetchCommand], { cwd: dir, timeout: 20_000 });
    const { stdout } = await run('sh', ['-c', runCommand], { cwd: dir, timeout: 30_000 });
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('lesson 2: the program fetched from this server registers, signs, gets a token and replays: every task', async ({
  page,
  baseURL,
}) => {
  const origin = baseURL!;
  const file = 'private_key_jwt.mjs';
  await page.goto('/learn/client-credentials-private-key-jwt/challenges');
  // rendered on the server before the page knows its origin, then at this one
  await expect(
    page
      .getByRole('region', { name: 'The lesson’s sample program' })
      .getByLabel(`Download command of ${file}`, { exact: true }),
  ).toHaveText(`curl -fO ${origin}/examples/${file}`);
  const runCommand = await shown(page, 'Run command', file);
  expect(runCommand).toBe(`node ${file} --replay ${origin}`);

  const stdout = await fetchAndRun(await shown(page, 'Download command', file), runCommand);
  const value = (name: string) => stdout.match(new RegExp(`^${name}: +(\\S+)$`, 'm'))?.[1] ?? '';
  expect(stdout).toContain('Refused, as it should be');
  await followOwnClient(page, {
    clientId: value('client_id'),
    registrationAccessToken: value('registration_access_token'),
  });
  await expectDone(page, 'Register your own public key');
  await expectDone(page, 'Get a token with an assertion your code signed');
  await expectDone(page, 'Replay the assertion and read the error');
});

test('lesson 1: the Python program fetched from this server, run with the page’s client, passes the first two tasks', async ({
  page,
  baseURL,
}) => {
  const file = 'client_credentials.py';
  const me = await openChallenges(page);
  const runCommand = await shown(page, 'Run command', file);
  expect(runCommand).toBe(
    `python3 ${file} --basic --client-id ${me.clientId} --client-secret ${me.clientSecret} ${baseURL}`,
  );
  test.skip(
    !(await run('python3', ['-c', 'import requests']).then(
      () => true,
      () => false,
    )),
    'python3 with the requests package is not installed (pip install requests)',
  );
  const stdout = await fetchAndRun(await shown(page, 'Download command', file), runCommand);
  expect(stdout).toContain(`API client_id: ${me.clientId}`);
  await expectDone(page, 'Get a token with HTTP Basic');
  await expectDone(page, 'Call the API with your token');
});

test('GET /examples/<file> serves the lessons’ programs as they are in examples/, and nothing else', async ({
  request,
}) => {
  for (const [file, type] of [
    ['private_key_jwt.mjs', 'text/javascript; charset=utf-8'],
    ['client_credentials.py', 'text/x-python; charset=utf-8'],
  ] as const) {
    const res = await request.get(`/examples/${file}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe(type);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(await res.text()).toBe(readFileSync(join('examples', file), 'utf8'));
    expect((await request.head(`/examples/${file}`)).status()).toBe(200);
  }
  for (const name of ['package.json', '..%2Fpackage.json', 'client_credentials.PY', 'x.mjs']) {
    const res = await request.get(`/examples/${name}`);
    expect(res.status(), name).toBe(404);
    expect(await res.text()).toBe('No such sample program here.\n');
  }
  const post = await request.post('/examples/private_key_jwt.mjs');
  expect(post.status()).toBe(405);
  expect(post.headers()['allow']).toBe('GET, HEAD, OPTIONS');
});
