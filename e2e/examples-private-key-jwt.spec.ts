import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { expectDone, followOwnClient, task } from './challenges-support';

// Lesson 2's sample program, examples/private_key_jwt.mjs, run with node against the test server
// as a learner runs it from a terminal (from the repository root, as the README shows): its key,
// registration, assertion, token, API call and replay, and the Challenges page checking its
// requests off once given the client it printed.

const PROGRAM = 'examples/private_key_jwt.mjs';
const LESSON = 'client-credentials-private-key-jwt';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the program with `node`; answers its exit status and output, whatever the status. */
async function sample(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [PROGRAM, ...args], {
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw e; // not started, or stopped by the timeout
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The value the program printed on a line `name: value`. */
function printed(stdout: string, name: string): string {
  const value = new RegExp(`^${name}: +(.+)$`, 'm').exec(stdout)?.[1];
  expect(value, `a "${name}:" line in:\n${stdout}`).toBeTruthy();
  return value!;
}

/** The JSON the program printed under `Token response: <status>` (or `API response:`). */
function printedJson(stdout: string, heading: string): Record<string, unknown> {
  const block = new RegExp(`^${heading}\\n(\\{[\\s\\S]*?\\n\\})$`, 'm').exec(stdout)?.[1];
  expect(block, `"${heading}" and a JSON body in:\n${stdout}`).toBeTruthy();
  return JSON.parse(block!) as Record<string, unknown>;
}

/** The client the program registered, from the lines it printed. */
function printedClient(stdout: string) {
  return {
    clientId: printed(stdout, 'client_id'),
    registrationAccessToken: printed(stdout, 'registration_access_token'),
  };
}

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowlab-pkj-sample-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the URL alone: it registers a public key, gets a token with its signed assertion and calls the API', async ({
  baseURL,
}) => {
  const url = baseURL!;
  const run = await sample(url);
  expect(run.code, run.stderr).toBe(0);
  const { clientId, registrationAccessToken } = printedClient(run.stdout);
  expect(clientId).toMatch(/^learner-/);
  expect(run.stdout).toContain(`${url}/learn/${LESSON}/challenges ("Follow this client")`);

  const header = JSON.parse(printed(run.stdout, 'header')) as Record<string, unknown>;
  expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
  const claims = JSON.parse(printed(run.stdout, 'claims')) as Record<string, unknown>;
  expect(claims).toMatchObject({ iss: clientId, sub: clientId, aud: `${url}/token` });
  expect(Number(claims.exp) - Number(claims.iat)).toBe(60);
  expect(claims.jti).toEqual(expect.any(String));

  expect(printedJson(run.stdout, 'Token response: 200')).toMatchObject({
    access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
    token_type: 'Bearer',
    scope: 'data:read',
  });
  expect(printedJson(run.stdout, 'API response: 200')).toMatchObject({
    message: 'API response data',
    client_id: clientId,
  });

  // the server holds the public key the program printed, its kid the one the header named
  const reg = await fetch(`${url}/register/${clientId}`, {
    headers: { Authorization: `Bearer ${registrationAccessToken}` },
  });
  expect(reg.status).toBe(200);
  const { jwks } = (await reg.json()) as { jwks: { keys: Record<string, unknown>[] } };
  expect(jwks.keys).toEqual([JSON.parse(printed(run.stdout, 'Public key \\(.+?\\)'))]);
  expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: header.kid });
});

test('the client it printed, given to the Challenges page, then its kept key with --client-id and --replay: every task checked off', async ({
  page,
  baseURL,
}) => {
  const url = baseURL!;
  const keyFile = join(dir, 'my-key.json');
  const first = await sample('--save-key', keyFile, url);
  expect(first.code, first.stderr).toBe(0);
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toMatchObject({
    kty: 'EC',
    d: expect.any(String),
  });
  const client = printedClient(first.stdout);
  expect(first.stdout).toContain(`--key ${keyFile} --client-id ${client.clientId} ${url}`);

  await page.goto(`/learn/${LESSON}/challenges`);
  await followOwnClient(page, client);
  // the server graded the first run's requests: a verified signature and a token, no replay yet
  await expectDone(page, 'Register your own public key');
  await expectDone(page, 'Get a token with an assertion your code signed');
  const replayTask = 'Replay the assertion and read the error';
  await expect(task(page, replayTask)).toHaveAccessibleName(`${replayTask}: not done yet`);

  const second = await sample('--key', keyFile, '--client-id', client.clientId, '--replay', url);
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).not.toContain('registration_access_token:'); // no new registration
  expect(printed(second.stdout, 'claims')).toContain(`"iss":"${client.clientId}"`);
  expect(printedJson(second.stdout, 'Token response: 200').access_token).toBeTruthy();
  expect(printedJson(second.stdout, 'Token response: 401')).toEqual({
    error: 'invalid_client',
    error_description: 'This client assertion was used before (same jti): a replay is refused.',
  });
  expect(second.stdout).toContain('Refused, as it should be');
  await expectDone(page, replayTask);
});

test('a bad --key file, bad arguments or an unreachable server: a clear message and a non-zero exit, before any request', async ({
  baseURL,
}) => {
  const url = baseURL!;
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const ec = () =>
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const { d: _d, ...publicOnly } = ec();
  const mismatched = { ...ec(), d: ec().d };
  const cases: [string[], RegExp][] = [
    [['--key', join(dir, 'absent.json'), url], /--key .*absent\.json: no such file/],
    [['--key', file('not-json.json', '{"kty":'), url], /--key .*not-json\.json: not JSON/],
    [
      ['--key', file('public.json', JSON.stringify(publicOnly)), url],
      /has no "d": that is a public key/,
    ],
    [['--key', file('rsa.json', '{"kty":"RSA","d":"x"}'), url], /is not an EC P-256 key \(RSA\)/],
    [
      ['--key', file('mismatched.json', JSON.stringify(mismatched)), url],
      /its d is not the private key of its x and y/,
    ],
    [['--key'], /--key needs a value/],
    [['--client-id', 'learner-x', url], /--client-id needs --key FILE/],
    [['--bogus', url], /unknown option --bogus/],
    [[url, url], /give one URL, not 2/],
    [['ftp://example.org'], /is not an http:\/\/ or https:\/\/ URL/],
  ];
  for (const [args, message] of cases) {
    const run = await sample(...args);
    expect(run.code, args.join(' ')).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(message);
    expect(run.stdout).not.toContain('== 2. The server’s endpoints');
  }

  const taken = file('taken.json', 'kept');
  const overwrite = await sample('--save-key', taken, url);
  expect(overwrite.code).toBe(2);
  expect(overwrite.stderr).toContain('the file exists');
  expect(readFileSync(taken, 'utf8')).toBe('kept');

  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const down = await sample(`http://127.0.0.1:${port}`);
  expect(down.code).toBe(1);
  expect(down.stderr).toContain(`Cannot reach the FlowLab server at http://127.0.0.1:${port}/`);
  expect(down.stderr).toContain('ECONNREFUSED');
});
