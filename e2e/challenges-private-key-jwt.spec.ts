import { exportJWK, generateKeyPair } from 'jose';
import { expect, test, type Page } from '@playwright/test';
import { signClientAssertion } from '../lib/protocol/sign-client-assertion';
import { buildRegisterRequest } from '../lib/protocol/requests';
import { expectDone, followOwnClient, runShown, submitOwnClient } from './challenges-support';

// The private_key_jwt lesson's challenges: the test process plays the learner's own code. It
// makes a key, registers its public half with the command the page shows, gives the page the
// client it got, signs an assertion, gets a token with the page's token command and replays it;
// the page checks each task off.

const LESSON = 'client-credentials-private-key-jwt';

/** The text of a block the page shows to copy, by its label. */
async function shown(page: Page, label: string): Promise<string> {
  return (await page.getByLabel(label, { exact: true }).textContent()) ?? '';
}

test('own key: the commands the page shows, pasted with the learner’s own key and assertion, pass every task', async ({
  page,
  baseURL,
}) => {
  const origin = baseURL!;
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);

  await page.goto(`/learn/${LESSON}/challenges`);
  // the tasks show before the page follows a client: what the learner's own code is to do
  await expect(
    page.getByRole('status').filter({ hasText: /tasks, checked off here/ }),
  ).toBeVisible();
  await expect(page.getByRole('listitem', { name: /: not done yet$/ }).first()).toBeVisible();
  const first = 'Register your own public key';
  // rendered on the server before the page knows its origin, then in the browser at this one
  await expect(page.getByLabel(`Command 1 of ${first}`, { exact: true })).toContainText(
    `curl -i -X POST ${origin}/register `,
  );
  const register = await shown(page, `Command 1 of ${first}`);
  expect(register).toMatch(new RegExp(`^curl -i -X POST ${origin}/register `));
  expect(register).toContain('"token_endpoint_auth_method":"private_key_jwt"');
  const claims = await shown(page, `Claims to sign of ${first}`);
  expect(claims).toContain(`"iss":"CLIENT_ID","sub":"CLIENT_ID","aud":"${origin}/token"`);
  await expect(page.getByText(`aud may also be the issuer, ${origin}.`).first()).toBeVisible();

  const registered = await runShown(
    register.replace('YOUR_KEY_X', jwk.x!).replace('YOUR_KEY_Y', jwk.y!),
  );
  expect(registered.status, registered.body).toBe(201);
  const client = JSON.parse(registered.body) as {
    client_id: string;
    registration_access_token: string;
  };

  await followOwnClient(page, {
    clientId: client.client_id,
    registrationAccessToken: client.registration_access_token,
  });
  await expect(page.getByText('The server keeps only your public key')).toBeVisible();

  // once followed, the blocks name the learner's client
  const second = 'Get a token with an assertion your code signed';
  expect(await shown(page, `Claims to sign of ${second}`)).toContain(
    `"iss":"${client.client_id}","sub":"${client.client_id}"`,
  );
  const tokenCommand = await shown(page, `Command 1 of ${second}`);
  expect(tokenCommand).toMatch(new RegExp(`^curl -i -X POST ${origin}/token `));
  expect(tokenCommand).toContain(`client_id=${client.client_id}&client_assertion_type=`);

  const assertion = await signClientAssertion(
    {
      clientId: client.client_id,
      audience: `${origin}/token`,
      now: Math.floor(Date.now() / 1000),
    },
    { key: privateKey, alg: 'ES256', kid: 'my-key' },
  );
  const withAssertion = tokenCommand.replace('CLIENT_ASSERTION', assertion);
  const token = await runShown(withAssertion);
  expect(token.status, token.body).toBe(200);
  await expectDone(page, first);
  await expectDone(page, second);
  expect((await runShown(withAssertion)).status).toBe(401);
  await expectDone(page, 'Replay the assertion and read the error');
});

test('own key: a client with a secret is refused with a reason, and the page says what it keeps', async ({
  page,
  baseURL,
}) => {
  const r = buildRegisterRequest({ token_endpoint_auth_method: 'client_secret_basic' }, baseURL!);
  const res = await fetch(r.url, {
    method: r.method,
    headers: r.headers.map(([n, v]): [string, string] => [n, v]),
    body: r.body,
  });
  expect(res.status).toBe(201);
  const secretClient = (await res.json()) as {
    client_id: string;
    registration_access_token: string;
  };
  await page.goto(`/learn/${LESSON}/challenges`);
  await submitOwnClient(page, {
    clientId: secretClient.client_id,
    registrationAccessToken: secretClient.registration_access_token,
  });
  await expect(
    page.getByRole('alert').filter({ hasText: 'authenticates with a client secret' }),
  ).toBeVisible();
  await expect(page.getByTestId('client_id')).toHaveCount(0);
});
