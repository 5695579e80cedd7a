import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { signClientAssertion } from '../protocol/sign-client-assertion';
import { createClientRegistry } from '../oauth/clients';
import { parseClientsConfig } from '../oauth/client-config';
import { DEMO_CLIENTS_CONFIG } from '../oauth/demo-clients';
import {
  assertionBody,
  formPost,
  makeServer,
  ORIGIN,
  type TestServer,
} from '../oauth/test-support';
import { EMPTY_MEMORY, grade } from './grader';
import { observe } from './observe';
import { challenges } from '../lessons/client-credentials-private-key-jwt/challenges';

// The private_key_jwt tasks, graded from the real core's events for a client with its own key.
let key: CryptoKeyPair;
let other: CryptoKeyPair;
let t: TestServer;

beforeAll(async () => {
  [key, other] = await Promise.all([generateKeyPair('ES256'), generateKeyPair('ES256')]);
  const clients = parseClientsConfig([
    ...DEMO_CLIENTS_CONFIG,
    {
      client_id: 'signer-key',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [{ ...(await exportJWK(key.publicKey)), kid: 'k' }] },
      scope: 'data:read',
    },
  ]);
  t = await makeServer({ clients: createClientRegistry(clients) });
});

const sign = (privateKey = key.privateKey, audience = ORIGIN) =>
  signClientAssertion(
    { clientId: 'signer-key', audience, now: Math.floor(t.now() / 1000) },
    { key: privateKey, alg: 'ES256', kid: 'k' },
  );

/** The tasks the last event passes, for its subject. */
function passedByLast(): string[] {
  const o = observe(t.events.at(-1)!);
  if (!o) return [];
  expect(o.subject).toBe('signer-key');
  const sets = [{ lesson: 'pkjwt', tasks: challenges.tasks }];
  return grade(sets, EMPTY_MEMORY, o, new Set()).passed.map((p) => p.taskId);
}

describe('private_key_jwt challenges', () => {
  it('an assertion signed by another key passes nothing', async () => {
    await t.server.token(formPost(assertionBody(await sign(other.privateKey))));
    expect(observe(t.events.at(-1)!)?.proven).toBe(false);
  });

  it('a verified signature passes register-key even when the aud is wrong', async () => {
    await t.server.token(formPost(assertionBody(await sign(key.privateKey, 'http://elsewhere'))));
    expect(passedByLast()).toEqual(['register-key']);
  });

  it('a token for an assertion passes assertion-token; its replay passes replay-assertion', async () => {
    const assertion = await sign();
    expect((await t.server.token(formPost(assertionBody(assertion)))).status).toBe(200);
    expect(passedByLast()).toEqual(['register-key', 'assertion-token']);
    expect((await t.server.token(formPost(assertionBody(assertion)))).status).toBe(401);
    expect(passedByLast()).toEqual(['register-key', 'replay-assertion']);
  });

  it('an assertion without a jti is refused, but is no replay', async () => {
    const now = Math.floor(t.now() / 1000);
    const noJti = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setIssuer('signer-key')
      .setSubject('signer-key')
      .setAudience(ORIGIN)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(key.privateKey);
    expect((await t.server.token(formPost(assertionBody(noJti)))).status).toBe(401);
    expect(passedByLast()).toEqual(['register-key']);
  });
});
