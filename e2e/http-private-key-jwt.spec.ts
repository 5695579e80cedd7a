import { expect, test, type APIRequestContext } from '@playwright/test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { unsignedClientAssertion, type AssertionOptions } from '../lib/protocol/client-assertion';
import { signClientAssertion } from '../lib/protocol/sign-client-assertion';
import type { RegistrationResponse } from '../lib/protocol/registration';
import { expectOAuthError, FORM, noStore, TEST_REGISTRATION_LIMIT } from './http-support';

/**
 * private_key_jwt against the production build (RFC 7523, RFC 7591/7592 registration): a
 * learner-style client registers its public key, then strict clients (openid-client 6.9.0's
 * PrivateKeyJwt, oauth4webapi) get tokens with it, and every replay / audience / expiry /
 * algorithm / other-key / two-methods case answers as the RFCs say. Each test registers from
 * its own X-Forwarded-For address (the test server sets FLOWLAB_TRUST_PROXY=1), so the
 * per-caller limit of one test never touches another's.
 */
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** A random address from 10/8, so no two tests (in any worker) share a registration budget. */
const newCaller = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 256)).join('.')}`;

interface Learner {
  readonly reg: RegistrationResponse;
  readonly keys: CryptoKeyPair;
  readonly caller: string;
}

async function registerLearner(
  request: APIRequestContext,
  caller = newCaller(),
  alg: 'ES256' | 'Ed25519' = 'ES256',
): Promise<Learner> {
  const keys = await generateKeyPair(alg);
  const res = await request.post('/register', {
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': caller },
    data: JSON.stringify({
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg }] },
      client_name: 'e2e browser',
    }),
  });
  expect(res.status(), await res.text()).toBe(201);
  noStore(res);
  return { reg: (await res.json()) as RegistrationResponse, keys, caller };
}

const nowS = () => Math.floor(Date.now() / 1000);

/** oauth4webapi's discovery and client credentials grant with the learner's key (kid k1). */
async function oauth4webapiGrant(l: Learner, baseURL: string) {
  const insecure = { [oauth.allowInsecureRequests]: true } as const;
  const issuer = new URL(baseURL);
  const as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
  );
  const c: oauth.Client = { client_id: l.reg.client_id };
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    c,
    oauth.PrivateKeyJwt({ key: l.keys.privateKey, kid: 'k1' }),
    new URLSearchParams(),
    insecure,
  );
  return { response, result: await oauth.processClientCredentialsResponse(as, c, response) };
}

function sign(l: Learner, baseURL: string, over: Partial<AssertionOptions> = {}, key?: CryptoKey) {
  return signClientAssertion(
    { clientId: l.reg.client_id, audience: baseURL, now: nowS(), ...over },
    { key: key ?? l.keys.privateKey, alg: 'ES256', kid: 'k1' },
  );
}

function postAssertion(
  request: APIRequestContext,
  assertion: string,
  extra = '',
  headers: Record<string, string> = {},
) {
  return request.post('/token', {
    headers: { ...FORM, ...headers },
    data: `grant_type=client_credentials&client_assertion_type=${encodeURIComponent(CLIENT_ASSERTION_TYPE)}&client_assertion=${encodeURIComponent(assertion)}${extra}`,
  });
}

const checksOf = (headers: Record<string, string>) =>
  (JSON.parse(headers['flowlab-checks'] ?? '[]') as { id: string; ok: boolean }[]).map(
    (c) => `${c.id}:${c.ok}`,
  );

test.describe('private_key_jwt with a registered key', () => {
  test('discovery lists registration, private_key_jwt and its algorithms', async ({
    request,
    baseURL,
  }) => {
    const m = await (await request.get('/.well-known/oauth-authorization-server')).json();
    expect(m.registration_endpoint).toBe(`${baseURL}/register`);
    for (const ep of ['token', 'introspection', 'revocation']) {
      expect(m[`${ep}_endpoint_auth_methods_supported`]).toContain('private_key_jwt');
      expect(m[`${ep}_endpoint_auth_signing_alg_values_supported`]).toEqual([
        'ES256',
        'ES384',
        'PS256',
        'RS256',
        'Ed25519',
        'EdDSA',
      ]);
    }
  });

  test('openid-client 6.9.0 PrivateKeyJwt gets a token that the API accepts', async ({
    request,
    baseURL,
  }) => {
    const l = await registerLearner(request);
    const config = await client.discovery(
      new URL(baseURL!),
      l.reg.client_id,
      { token_endpoint_auth_method: 'private_key_jwt' },
      client.PrivateKeyJwt({ key: l.keys.privateKey, kid: 'k1' }),
      { execute: [client.allowInsecureRequests], algorithm: 'oauth2' },
    );
    const tokens = await client.clientCredentialsGrant(config, { scope: 'data:read' });
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.scope).toBe('data:read');
    const api = await request.get('/api/data', {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(api.status()).toBe(200);
  });

  test('oauth4webapi PrivateKeyJwt gets a token; its checks are listed', async ({
    request,
    baseURL,
  }) => {
    const { response, result } = await oauth4webapiGrant(await registerLearner(request), baseURL!);
    const checks = JSON.parse(response.headers.get('flowlab-checks') ?? '[]') as { id: string }[];
    expect(checks.map((x) => x.id)).toContain('assertion-jti');
    expect(result.scope).toBe('data:read');
  });

  test('oauth4webapi with an Ed25519 key signs alg Ed25519 (RFC 9864), and the API accepts the token', async ({
    request,
    baseURL,
  }) => {
    const l = await registerLearner(request, newCaller(), 'Ed25519');
    const { access_token } = (await oauth4webapiGrant(l, baseURL!)).result;
    const api = await request.get('/api/data', {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(api.status()).toBe(200);
  });

  test('introspection and revocation authenticate with an assertion too', async ({
    request,
    baseURL,
  }) => {
    const l = await registerLearner(request);
    const token = (await (await postAssertion(request, await sign(l, baseURL!))).json())
      .access_token as string;
    const form = async (t: string) =>
      `token=${t}&client_assertion_type=${encodeURIComponent(CLIENT_ASSERTION_TYPE)}&client_assertion=${encodeURIComponent(await sign(l, baseURL!))}`;
    const intro = await request.post('/introspect', { headers: FORM, data: await form(token) });
    expect(await intro.json()).toMatchObject({ active: true, client_id: l.reg.client_id });
    expect(
      (await request.post('/revoke', { headers: FORM, data: await form(token) })).status(),
    ).toBe(200);
    const api = await request.get('/api/data', { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status()).toBe(401);
  });

  test("a replayed assertion is invalid_client, with the endpoint's Basic challenge", async ({
    request,
    baseURL,
  }) => {
    const l = await registerLearner(request);
    const a = await sign(l, baseURL!);
    expect((await postAssertion(request, a)).status()).toBe(200);
    const replay = await postAssertion(request, a);
    const json = await expectOAuthError(replay, 401, 'invalid_client');
    expect(json.error_description).toMatch(/used before/);
    expect(replay.headers()['www-authenticate']).toMatch(/^Basic realm="/);
    expect(checksOf(replay.headers()).at(-1)).toBe('assertion-jti:false');
  });

  test('audience, expiry, lifetime, iat and nbf cases are invalid_client', async ({
    request,
    baseURL,
  }) => {
    const l = await registerLearner(request);
    expect(
      (
        await postAssertion(request, await sign(l, baseURL!, { audience: `${baseURL}/token` }))
      ).status(),
    ).toBe(200);
    for (const [over, check] of [
      [{ audience: 'https://other.example' }, 'assertion-aud'],
      [{ audience: `${baseURL}/api` }, 'assertion-aud'],
      [{ now: nowS() - 120 }, 'assertion-time'],
      [{ claims: { exp: undefined } }, 'assertion-time'],
      [{ lifetime: 3600 }, 'assertion-time'],
      [{ claims: { iat: nowS() + 600 } }, 'assertion-time'],
      [{ claims: { nbf: nowS() + 600 } }, 'assertion-time'],
      [{ claims: { jti: undefined } }, 'assertion-jti-claim'],
      [{ claims: { iss: 'abc' } }, 'assertion-subject'],
    ] as const) {
      const res = await postAssertion(request, await sign(l, baseURL!, over));
      await expectOAuthError(res, 401, 'invalid_client');
      expect(checksOf(res.headers()).at(-1), JSON.stringify(over)).toBe(`${check}:false`);
    }
  });

  test('alg none, HS256 and another key are refused', async ({ request, baseURL }) => {
    const l = await registerLearner(request);
    const none = unsignedClientAssertion({
      clientId: l.reg.client_id,
      audience: baseURL!,
      now: nowS(),
    });
    const n = await expectOAuthError(await postAssertion(request, none), 401, 'invalid_client');
    expect(n.error_description).toMatch(/alg none/);
    const hs = await new SignJWT({
      iss: l.reg.client_id,
      sub: l.reg.client_id,
      aud: baseURL,
      jti: 'x',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(nowS() + 60)
      .sign(new TextEncoder().encode('0123456789abcdef0123456789abcdef'));
    const h = await expectOAuthError(await postAssertion(request, hs), 401, 'invalid_client');
    expect(h.error_description).toMatch(/HMAC/);
    const other = (await generateKeyPair('ES256')).privateKey;
    const o = await postAssertion(request, await sign(l, baseURL!, {}, other));
    await expectOAuthError(o, 401, 'invalid_client');
    expect(checksOf(o.headers()).at(-1)).toBe('assertion-signature:false');
  });

  test('two methods at once and a missing or unknown type are invalid_request', async ({
    request,
    baseURL,
  }) => {
    const l = await registerLearner(request);
    const a = await sign(l, baseURL!);
    await expectOAuthError(
      await postAssertion(request, a, '&client_secret=x'),
      400,
      'invalid_request',
    );
    await expectOAuthError(
      await postAssertion(request, a, '', { Authorization: 'Basic YWJjOnh5eg==' }),
      400,
      'invalid_request',
    );
    for (const data of [
      `grant_type=client_credentials&client_assertion=${a}`,
      `grant_type=client_credentials&client_assertion_type=urn%3Ax&client_assertion=${a}`,
    ]) {
      await expectOAuthError(
        await request.post('/token', { headers: FORM, data }),
        400,
        'invalid_request',
      );
    }
  });
});

test.describe('registration endpoints', () => {
  test('read and delete need the registration token; another learner’s is refused', async ({
    request,
    baseURL,
  }) => {
    const mine = await registerLearner(request);
    const theirs = await registerLearner(request);
    const path = `/register/${mine.reg.client_id}`;
    expect(mine.reg.registration_client_uri).toBe(`${baseURL}${path}`);
    const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
    const read = await request.get(path, { headers: auth(mine.reg.registration_access_token!) });
    expect(read.status()).toBe(200);
    // RFC 7592 §3: the client information response carries the token the client holds
    const info = await read.json();
    expect(info.registration_access_token).toBe(mine.reg.registration_access_token);
    expect(info.registration_client_uri).toBe(mine.reg.registration_client_uri);
    expect(read.headers()['cache-control']).toBe('no-store');
    // HEAD answers as GET does, without the body (RFC 9110 §9.1)
    const head = await request.head(path, { headers: auth(mine.reg.registration_access_token!) });
    expect(head.status()).toBe(200);
    expect(await head.text()).toBe('');
    for (const headers of [{}, auth(theirs.reg.registration_access_token!), auth('guess')]) {
      await expectOAuthError(await request.get(path, { headers }), 401, 'invalid_token');
      await expectOAuthError(await request.delete(path, { headers }), 401, 'invalid_token');
    }
    const clock = await request.put(`${path}/clock`, {
      headers: {
        'Content-Type': 'application/json',
        ...auth(theirs.reg.registration_access_token!),
      },
      data: '{"clock_offset_seconds":3600}',
    });
    expect(clock.status()).toBe(401);
    expect(
      (await request.delete(path, { headers: auth(mine.reg.registration_access_token!) })).status(),
    ).toBe(204);
    const gone = await postAssertion(request, await sign(mine, baseURL!));
    await expectOAuthError(gone, 401, 'invalid_client');
  });

  test('the clock offset expires this client’s assertions and tokens, nobody else’s', async ({
    request,
    baseURL,
  }) => {
    const l = await registerLearner(request);
    const other = await registerLearner(request);
    const mineToken = (await (await postAssertion(request, await sign(l, baseURL!))).json())
      .access_token;
    const theirToken = (await (await postAssertion(request, await sign(other, baseURL!))).json())
      .access_token;
    const res = await request.put(`/register/${l.reg.client_id}/clock`, {
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${l.reg.registration_access_token}`,
      },
      data: '{"clock_offset_seconds":7200}',
    });
    expect(await res.json()).toEqual({ clock_offset_seconds: 7200 });
    const api = (t: string) =>
      request.get('/api/data', { headers: { Authorization: `Bearer ${t}` } });
    await expectOAuthError(await api(mineToken), 401, 'invalid_token');
    expect((await api(theirToken)).status()).toBe(200);
    const expired = await postAssertion(request, await sign(l, baseURL!));
    expect((await expectOAuthError(expired, 401, 'invalid_client')).error_description).toMatch(
      /expired/,
    );
    expect((await postAssertion(request, await sign(other, baseURL!))).status()).toBe(200);
    const bad = await request.put(`/register/${l.reg.client_id}/clock`, {
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${l.reg.registration_access_token}`,
      },
      data: '{"clock_offset_seconds":-5}',
    });
    await expectOAuthError(bad, 400, 'invalid_request');
  });

  test('a secret client: issued once, rotated, the old one refused at once', async ({
    request,
  }) => {
    const res = await request.post('/register', {
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': newCaller() },
      data: '{"token_endpoint_auth_method":"client_secret_basic"}',
    });
    const reg = (await res.json()) as RegistrationResponse;
    const basic = (s: string) => `Basic ${Buffer.from(`${reg.client_id}:${s}`).toString('base64')}`;
    const token = (s: string) =>
      request.post('/token', {
        headers: { ...FORM, Authorization: basic(s) },
        data: 'grant_type=client_credentials',
      });
    expect((await token(reg.client_secret!)).status()).toBe(200);
    const rotated = await request.post(`/register/${reg.client_id}/secret`, {
      headers: { Authorization: `Bearer ${reg.registration_access_token}` },
    });
    const next = ((await rotated.json()) as RegistrationResponse).client_secret!;
    await expectOAuthError(await token(reg.client_secret!), 401, 'invalid_client');
    expect((await token(next)).status()).toBe(200);
    // RFC 7591 §2: registered for Basic, so the same secret in the body is refused, and says why
    const inBody = await request.post('/token', {
      headers: FORM,
      data: `grant_type=client_credentials&client_id=${reg.client_id}&client_secret=${next}`,
    });
    const json = await expectOAuthError(inBody, 401, 'invalid_client');
    expect(json.error_description).toMatch(/registered client_secret_basic/);
  });

  test('bad metadata, bodies and methods get precise errors', async ({ request }) => {
    const caller = newCaller();
    const post = (data: string, type = 'application/json') =>
      request.post('/register', {
        headers: { 'Content-Type': type, 'X-Forwarded-For': caller },
        data,
      });
    await expectOAuthError(
      await post('{"token_endpoint_auth_method":"private_key_jwt"}'),
      400,
      'invalid_client_metadata',
    );
    await expectOAuthError(
      await post(
        '{"token_endpoint_auth_method":"private_key_jwt","jwks":{"keys":[{"kty":"oct","k":"AAAA"}]}}',
      ),
      400,
      'invalid_client_metadata',
    );
    await expectOAuthError(await post('{', 'application/json'), 400, 'invalid_client_metadata');
    await expectOAuthError(
      await post('a=b', 'application/x-www-form-urlencoded'),
      415,
      'invalid_client_metadata',
    );
    const big = await request.post('/register', {
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': newCaller() },
      data: JSON.stringify({ client_name: 'x'.repeat(20_000) }),
    });
    expect(big.status()).toBe(413);
    for (const [path, method, allow] of [
      ['/register', 'GET', 'POST'],
      ['/register/learner-x', 'POST', 'GET, HEAD, DELETE'],
      ['/register/learner-x/secret', 'GET', 'POST'],
      ['/register/learner-x/clock', 'POST', 'PUT'],
    ] as const) {
      const res = await request.fetch(path, { method });
      expect(res.status(), `${method} ${path}`).toBe(405);
      expect(res.headers()['allow']).toBe(allow);
    }
  });

  test('registration is rate-limited per caller: 429 with Retry-After, others unaffected', async ({
    request,
  }) => {
    const caller = newCaller();
    const post = (who: string) =>
      request.post('/register', {
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': who },
        data: '{"token_endpoint_auth_method":"client_secret_post"}',
      });
    let status = 0;
    for (let i = 0; i <= TEST_REGISTRATION_LIMIT && status !== 429; i++) {
      status = (await post(caller)).status();
    }
    expect(status).toBe(429);
    const limited = await post(caller);
    await expectOAuthError(limited, 429, 'too_many_requests');
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await post(newCaller())).status()).toBe(201);
  });
});
