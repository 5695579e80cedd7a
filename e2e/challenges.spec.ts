import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { test as presenterTest } from './presenter-fixture';
import {
  apiCall,
  basicPost,
  curl,
  curlToken,
  expectDone,
  openChallenges,
  task,
} from './challenges-support';

// The Challenges mode end to end: the page registers this browser a client; the test process
// sends the learner's real requests (curl and fetch) and the page shows each task done.

const baseURL = () => base.info().project.use.baseURL!;

/** Runs python3 with the arguments (from the repository root, as the README shows). */
const python = (args: string[]) => promisify(execFile)('python3', args, { timeout: 20_000 });

base.describe('challenges graded by the real server', () => {
  base(
    'every request task passes from the terminal, live, with the request FlowLab saw',
    async ({ page }) => {
      const url = baseURL();
      const me = await openChallenges(page);

      const sent = Date.now();
      const got = await curlToken(url, me);
      expect(got.access_token).toBeTruthy();
      await expectDone(page, 'Get a token with HTTP Basic', 1_500);
      const latency = Date.now() - sent;
      console.log(`challenges: curl token request -> task shown done in ${latency} ms`);
      const done = task(page, 'Get a token with HTTP Basic');
      await expect(done.getByRole('group', { name: 'What FlowLab saw' })).toContainText(
        'POST /token → 200 (client_secret_basic)',
      );
      await expect(done).not.toContainText(me.clientSecret);

      const token = got.access_token!;
      for (let i = 0; i < 3; i++) expect((await apiCall(url, token)).status).toBe(200);
      await expectDone(page, 'Call the API with your token');
      await expectDone(page, 'Reuse one token for three API calls');

      expect((await curlToken(url, me, ['-d', 'scope=reports:read'])).error).toBe('invalid_scope');
      await expectDone(page, 'Ask for a scope you may not have');

      const both = await curl(
        '-u',
        `${me.clientId}:${me.clientSecret}`,
        '-d',
        `grant_type=client_credentials&client_id=${me.clientId}&client_secret=${me.clientSecret}`,
        `${url}/token`,
      );
      expect(JSON.parse(both).error).toBe('invalid_request');
      await expectDone(page, 'Authenticate twice in one request');

      const introspected = await basicPost(url, '/introspect', me, `token=${token}`);
      expect(((await introspected.json()) as { active: boolean }).active).toBe(true);
      await expectDone(page, 'Introspect your own token');

      expect((await basicPost(url, '/revoke', me, `token=${token}`)).status).toBe(200);
      expect((await apiCall(url, token)).status).toBe(401);
      await expectDone(page, 'Revoke your token, then see the API refuse it');

      // progress survives a reload: it is the server's record, not the page's
      await page.reload();
      await expectDone(page, 'Introspect your own token');
      await expect(page.getByText('7 of 8 done')).toBeVisible();
    },
  );

  base(
    'the page says the client sends its secret with Basic only, shows its commands at this origin, and the Python sample passes with --basic',
    async ({ page }) => {
      const url = baseURL();
      const me = await openChallenges(page);
      await expect(page.getByTestId('secret-method')).toContainText(
        'Send the secret with HTTP Basic only',
      );
      await expect(page.getByTestId('secret-method')).toContainText(
        'A client_secret in the body (client_secret_post) is refused with 401 invalid_client',
      );
      const first = task(page, 'Get a token with HTTP Basic');
      const command = first.getByLabel('Command 1 of Get a token with HTTP Basic', {
        exact: true,
      });
      await expect(command).toContainText(`curl -i -X POST ${url}/token`);

      base.skip(
        !(await python(['-c', 'import requests']).then(
          () => true,
          () => false,
        )),
        'python3 with the requests package is not installed (pip install requests)',
      );
      const own = ['--client-id', me.clientId, '--client-secret', me.clientSecret, url];
      // in the body, as the seed's program sends it: refused, with the server's reason printed
      const refused = await python(['examples/client_credentials.py', ...own]).then(
        () => '',
        (e: { stdout: string }) => e.stdout,
      );
      expect(refused).toContain('Failed to get token: 401');
      expect(refused).toContain('registered client_secret_basic');
      const { stdout } = await python(['examples/client_credentials.py', '--basic', ...own]);
      expect(stdout).toContain(`API client_id: ${me.clientId}`);
      await expectDone(page, 'Get a token with HTTP Basic');
    },
  );

  base(
    'a 429 then a wait of Retry-After passes; a new secret stops the old one',
    async ({ page }) => {
      base.setTimeout(120_000);
      const url = baseURL();
      const me = await openChallenges(page);
      const wrong = { ...me, clientSecret: 'not-the-secret' };
      let retryAfter = 0;
      for (let i = 0; i < 11 && retryAfter === 0; i++) {
        const res = await basicPost(url, '/token', wrong, 'grant_type=client_credentials');
        if (res.status === 429) retryAfter = Number(res.headers.get('retry-after'));
      }
      expect(retryAfter).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, retryAfter * 1000 + 200));
      expect((await basicPost(url, '/token', me, 'grant_type=client_credentials')).status).toBe(
        200,
      );
      await expectDone(page, 'After a 429, wait as long as Retry-After says');

      await page.getByRole('button', { name: 'New secret' }).click();
      await expect(page.getByText('New secret issued')).toBeVisible();
      const renewed = (await page.getByTestId('client_secret').textContent()) ?? '';
      expect(renewed).not.toBe(me.clientSecret);
      expect((await basicPost(url, '/token', me, 'grant_type=client_credentials')).status).toBe(
        401,
      );
      const fresh = { ...me, clientSecret: renewed };
      expect((await basicPost(url, '/token', fresh, 'grant_type=client_credentials')).status).toBe(
        200,
      );
    },
  );

  base(
    'two browsers get different clients and never see each other’s events',
    async ({ browser }) => {
      const url = baseURL();
      const a = await browser.newContext();
      const b = await browser.newContext();
      try {
        const pageA = await a.newPage();
        const pageB = await b.newPage();
        const clientA = await openChallenges(pageA);
        const clientB = await openChallenges(pageB);
        expect(clientA.clientId).not.toBe(clientB.clientId);

        await curlToken(url, clientA);
        await expectDone(pageA, 'Get a token with HTTP Basic');
        await pageB.waitForTimeout(500);
        await expect(pageB.getByText('0 of 8 done')).toBeVisible();

        // another learner's client_id does not help: the request must authenticate as the client
        await basicPost(
          url,
          '/token',
          { ...clientB, clientSecret: 'guess' },
          'grant_type=client_credentials',
        );
        await expect(pageB.getByText('0 of 8 done')).toBeVisible();

        // nobody can read or subscribe to another's progress without its registration token
        const peek = `/api/challenges/clients/${clientA.clientId}?lesson=client-credentials`;
        const bare = await fetch(`${url}${peek}`);
        expect(bare.status).toBe(401);
        // RFC 6750 §3.1: no credentials, so no error code in the challenge
        expect(bare.headers.get('www-authenticate')).toBe('Bearer realm="FlowLab"');
        const tokenB = await pageB.evaluate(
          () =>
            JSON.parse(localStorage.getItem('flowlab-challenge-client:client-credentials')!)
              .registrationAccessToken as string,
        );
        const asB = await fetch(
          `${url}/api/challenges/clients/${clientA.clientId}/events?lesson=client-credentials`,
          {
            headers: { Authorization: `Bearer ${tokenB}` },
          },
        );
        expect(asB.status).toBe(401);
        expect(asB.headers.get('www-authenticate')).toBe(
          'Bearer realm="FlowLab", error="invalid_token"',
        );
      } finally {
        await a.close();
        await b.close();
      }
    },
  );
});

/** The presenter opens a follow-me room; answers its join path and the room's Challenges panel. */
async function openRoom(page: Page) {
  await page.goto('/present/client-credentials');
  await page.getByRole('button', { name: 'Room', exact: true }).click();
  await page.getByRole('button', { name: 'Open a follow-me room' }).click();
  const joinPath = await page.getByTestId('join-link').getByRole('link').getAttribute('href');
  return { joinPath: joinPath!, panel: page.getByRole('region', { name: 'Challenges' }) };
}

/** A learner follows the room, then opens Challenges, which counts their client for it. */
async function followWithChallenges(learner: BrowserContext, joinPath: string) {
  const follower = await learner.newPage();
  await follower.goto(joinPath);
  await expect(follower.getByTestId('follow-status')).toContainText('Following the presenter');
  const me = await openChallenges(follower);
  await expect(follower.getByText(/counted for room .* as Learner 1/)).toBeVisible();
  return { follower, me };
}

presenterTest(
  'the presenter’s counts move when a follower passes a task',
  async ({ page, browser }) => {
    const url = baseURL();
    const { joinPath, panel } = await openRoom(page);
    await expect(panel.getByTestId('challenge-learners')).toHaveText(/^0 learners/);

    const learner = await browser.newContext();
    try {
      const { follower, me } = await followWithChallenges(learner, joinPath);
      await expect(panel.getByTestId('challenge-learners')).toHaveText(/^1 learner /);

      await curlToken(url, me);
      const line = panel.locator('[data-task="basic-token"]');
      await expect(line).toContainText('1/1');
      await expect(line).toContainText('Learner 1');
      await expect(line).not.toContainText(me.clientId);

      await panel.getByRole('button', { name: 'Start the class over' }).click();
      await panel.getByRole('button', { name: 'Yes, start over' }).click();
      await expect(line).toContainText('0/1');
      await expect(follower.getByText('0 of 8 done')).toBeVisible();
    } finally {
      await learner.close();
    }
  },
);

presenterTest(
  'a learner who deletes their client (RFC 7592) is no longer counted as having passed',
  async ({ page, browser }) => {
    const url = baseURL();
    const { joinPath, panel } = await openRoom(page);
    const learner = await browser.newContext();
    try {
      const { follower, me } = await followWithChallenges(learner, joinPath);
      await curlToken(url, me);
      const line = panel.locator('[data-task="basic-token"]');
      await expect(line).toContainText('1/1');

      const { registrationAccessToken } = JSON.parse(
        (await follower.evaluate(() =>
          localStorage.getItem('flowlab-challenge-client:client-credentials'),
        ))!,
      ) as { registrationAccessToken: string };
      const deleted = await fetch(`${url}/register/${me.clientId}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${registrationAccessToken}` },
      });
      expect(deleted.status).toBe(204);
      // its passes went with it: the board counts nobody as having passed
      await expect(line).toContainText('0/1');
    } finally {
      await learner.close();
    }
  },
);

base('one learner cannot hold every progress stream: 4 per client, the 5th is 429', async () => {
  const url = baseURL();
  const reg = await fetch(`${url}/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_name: 'e2e streams' }),
  });
  expect(reg.status).toBe(201);
  const { client_id: id, registration_access_token: token } = (await reg.json()) as {
    client_id: string;
    registration_access_token: string;
  };
  const events = `${url}/api/challenges/clients/${id}/events?lesson=client-credentials`;
  const open: AbortController[] = [];
  const stream = async () => {
    const abort = new AbortController();
    const res = await fetch(events, {
      headers: { Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    if (res.status === 200) open.push(abort);
    return res;
  };
  try {
    // Opened at once: the count is taken in the same tick as the check, so none slips past it.
    const first = await Promise.all(Array.from({ length: 6 }, stream));
    expect(first.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = first.find((r) => r.status === 429)!;
    expect(await refused.json()).toEqual({ error: 'too_many_streams' });
    expect(refused.headers.get('retry-after')).toBe('5');
    // A closed stream gives its place back.
    open.shift()!.abort();
    await expect.poll(async () => (await stream()).status).toBe(200);
  } finally {
    for (const abort of open) abort.abort();
  }
});
