/**
 * What the Challenges browser tests share: reading the client a page was issued, sending a
 * learner's requests from the test process (curl through child_process, and fetch) and waiting
 * for a task to show done.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';

const run = promisify(execFile);

/** The client a Challenges page shows, read from its text. */
export interface IssuedClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Opens the lesson's Challenges page and reads the client it registered for this browser. */
export async function openChallenges(page: Page, base = ''): Promise<IssuedClient> {
  await page.goto(`${base}/learn/client-credentials/challenges`);
  await expect(page.getByRole('heading', { level: 1, name: 'Challenges' })).toBeVisible();
  const clientId = (await page.getByTestId('client_id').textContent()) ?? '';
  const clientSecret = (await page.getByTestId('client_secret').textContent()) ?? '';
  expect(clientId).toMatch(/^learner-/);
  expect(clientSecret.length).toBeGreaterThan(10);
  await expect(page.getByRole('status').filter({ hasText: /done · live/ })).toBeVisible();
  return { clientId, clientSecret };
}

/** A client the learner registered from their own code: what `POST /register` answered. */
export interface OwnClient {
  readonly clientId: string;
  readonly registrationAccessToken: string;
}

/** Gives an own-key lesson's Challenges page the learner's client ("Follow this client"). */
export async function submitOwnClient(page: Page, client: OwnClient): Promise<void> {
  await page.getByLabel('client_id').fill(client.clientId);
  await page.getByLabel('registration_access_token').fill(client.registrationAccessToken);
  await page.getByRole('button', { name: 'Follow this client' }).click();
}

/** {@link submitOwnClient}, then waits until the page shows that client and follows it live. */
export async function followOwnClient(page: Page, client: OwnClient): Promise<void> {
  await submitOwnClient(page, client);
  await expect(page.getByTestId('client_id')).toHaveText(client.clientId);
  await expect(page.getByRole('status').filter({ hasText: /done · live/ })).toBeVisible();
}

/** The task's list item, by title. */
export function task(page: Page, title: string) {
  return page.getByRole('listitem', { name: new RegExp(`^${title}: `) });
}

/** Expects the task shown done (within `timeout`). */
export async function expectDone(page: Page, title: string, timeout = 5_000): Promise<void> {
  await expect(page.getByRole('listitem', { name: `${title}: done` })).toBeVisible({ timeout });
}

/** `curl -s` with the arguments; answers stdout (the body, or with `-i` the whole response). */
export async function curl(...args: string[]): Promise<string> {
  const { stdout } = await run('curl', ['-s', ...args]);
  return stdout;
}

/**
 * Runs a command the page shows (`curl -i ...`) in a shell, as a learner pasting it would, and
 * answers the status and the body of its response.
 */
export async function runShown(command: string): Promise<{ status: number; body: string }> {
  const { stdout } = await run('sh', ['-c', command]);
  const [head = '', ...rest] = stdout.split(/\r?\n\r?\n/);
  return { status: Number(head.split(' ')[1]), body: rest.join('\n\n') };
}

/** A token with HTTP Basic, from curl, as a learner would get it. */
export async function curlToken(base: string, c: IssuedClient, extra: string[] = []) {
  const body = await curl(
    '-u',
    `${c.clientId}:${c.clientSecret}`,
    '-d',
    'grant_type=client_credentials',
    ...extra,
    `${base}/token`,
  );
  return JSON.parse(body) as { access_token?: string; error?: string };
}

/** A form POST authenticated with HTTP Basic, from fetch. */
export function basicPost(base: string, path: string, c: IssuedClient, body: string) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
    },
    body,
  });
}

/** GET /api/data with a bearer token, from fetch. */
export function apiCall(base: string, token: string) {
  return fetch(`${base}/api/data`, { headers: { Authorization: `Bearer ${token}` } });
}
