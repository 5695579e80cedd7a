import { exportJWK, generateKeyPair } from 'jose';
import { expect, test } from '@playwright/test';
import { signClientAssertion } from '../lib/protocol/sign-client-assertion';
import { buildRegisterRequest, buildTokenRequest } from '../lib/protocol/requests';
import { expectDone } from './challenges-support';

// The private_key_jwt lesson's challenges: the test process plays the learner's own code. It
// makes a key, registers its public half, gives the page the client it got, signs an assertion,
// gets a token with it and replays it; the page checks each task off.

const LESSON = 'client-credentials-private-key-jwt';

test('own key: register, token with an assertion, replay refused, each checked off', async ({
  page,
  baseURL,
}) => {
  const origin = baseURL!;
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kty: 'EC', kid: 'mine', alg: 'ES256', use: 'sig' };
  const register = buildRegisterRequest(
    { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } },
    origin,
  );
  const send = (r: ReturnType<typeof buildRegisterRequest>) =>
    fetch(r.url, {
      method: r.method,
      headers: r.headers.map(([n, v]): [string, string] => [n, v]),
      body: r.body,
    });
  const registered = await send(register);
  expect(registered.status, await registered.clone().text()).toBe(201);
  const client = (await registered.json()) as {
    client_id: string;
    registration_access_token: string;
  };

  await page.goto(`/learn/${LESSON}/challenges`);
  // the tasks show before the page follows a client: what the learner's own code is to do
  await expect(
    page.getByRole('status').filter({ hasText: /tasks, checked off here/ }),
  ).toBeVisible();
  await expect(page.getByRole('listitem', { name: /: not done yet$/ }).first()).toBeVisible();
  await page.getByLabel('client_id').fill(client.client_id);
  await page.getByLabel('registration_access_token').fill(client.registration_access_token);
  await page.getByRole('button', { name: 'Follow this client' }).click();
  await expect(page.getByTestId('client_id')).toHaveText(client.client_id);
  await expect(page.getByText('The server keeps only your public key')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /done · live/ })).toBeVisible();

  const assertion = await signClientAssertion(
    { clientId: client.client_id, audience: origin, now: Math.floor(Date.now() / 1000) },
    { key: privateKey, alg: 'ES256', kid: 'mine' },
  );
  const token = buildTokenRequest(
    {
      clientId: client.client_id,
      clientSecret: '',
      scope: '',
      authMethod: 'private_key_jwt',
      clientAssertion: assertion,
      contentType: 'form',
      grantType: 'client_credentials',
    },
    origin,
  );
  expect((await send(token)).status).toBe(200);
  await expectDone(page, 'Register your own public key');
  await expectDone(page, 'Get a token with an assertion your code signed');
  const replay = await send(token);
  expect(replay.status).toBe(401);
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
  await page.getByLabel('client_id').fill(secretClient.client_id);
  await page.getByLabel('registration_access_token').fill(secretClient.registration_access_token);
  await page.getByRole('button', { name: 'Follow this client' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'authenticates with a client secret' }),
  ).toBeVisible();
  await expect(page.getByTestId('client_id')).toHaveCount(0);
});
