import { sentBy } from './http';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signClientAssertion } from '../protocol/sign-client-assertion';
import { encodeBasicAuthorization } from '../protocol/basic';
import type { RegistrationResponse } from '../protocol/registration';
import type { RegistrationAction } from './registration-endpoint';
import {
  apiGet,
  assertionBody,
  body,
  formPost,
  getToken,
  makeServer,
  ORIGIN,
  tokenPost,
  type TestServer,
} from './test-support';

let key: CryptoKeyPair;
let t: TestServer;
beforeAll(async () => {
  key = await generateKeyPair('ES256', { extractable: true });
});
beforeEach(async () => {
  t = await makeServer({ registrationLimits: { perCaller: 3, windowMs: 60_000, cap: 5 } });
});

const HOUR = 3600_000;
const json = (b: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof b === 'string' ? b : JSON.stringify(b),
});
const register = (b: unknown, caller = '203.0.113.1', init = json(b)) =>
  t.server.register(sentBy(new Request(`${ORIGIN}/register`, init), caller));

async function registered(b: unknown, caller?: string): Promise<RegistrationResponse> {
  const res = await register(b, caller);
  expect(res.status).toBe(201);
  const r = (await res.json()) as RegistrationResponse;
  // RFC 9110 §15.3.2: the 201 names the registration it created
  expect(res.headers.get('location')).toBe(r.registration_client_uri);
  return r;
}
const pkjwt = async () =>
  registered({
    token_endpoint_auth_method: 'private_key_jwt',
    jwks: { keys: [{ ...(await exportJWK(key.publicKey)), kid: 'k' }] },
    client_name: 'my browser',
  });

function manage(
  r: { client_id: string },
  action: RegistrationAction,
  method: string,
  token?: string,
  payload?: unknown,
) {
  const path = action === 'read' ? '' : `/${action}`;
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const init: RequestInit =
    payload === undefined ? { method, headers } : { ...json(payload, headers), method };
  return t.server.manageRegistration(
    new Request(`${ORIGIN}/register/${r.client_id}${path}`, init),
    r.client_id,
    action,
  );
}

const assertionFor = (clientId: string, now = Math.floor(t.now() / 1000)) =>
  signClientAssertion(
    { clientId, audience: ORIGIN, now },
    { key: key.privateKey, alg: 'ES256', kid: 'k' },
  );
/** A token request of a secret client: HTTP Basic, or (`post`) body parameters. */
const secretToken = (clientId: string, secret: string, post = false) =>
  t.server.token(
    post
      ? tokenPost(clientId, secret)
      : formPost('grant_type=client_credentials', {
          Authorization: encodeBasicAuthorization(clientId, secret),
        }),
  );

const tokenWith = async (clientId: string) =>
  t.server.token(formPost(assertionBody(await assertionFor(clientId))));

describe('POST /register (RFC 7591)', () => {
  it('registers a private_key_jwt client: 201 with its metadata, no secret', async () => {
    const r = await pkjwt();
    expect(r.client_id).toMatch(/^learner-[A-Za-z0-9_-]{22}$/);
    expect(r).toMatchObject({
      client_id_issued_at: t.now() / 1000,
      registration_client_uri: `${ORIGIN}/register/${r.client_id}`,
      token_endpoint_auth_method: 'private_key_jwt',
      grant_types: ['client_credentials'],
      scope: 'data:read data:write',
      client_name: 'my browser',
      flowlab_expires_at: (t.now() + 24 * HOUR) / 1000,
      clock_offset_seconds: 0,
    });
    expect(r.client_secret).toBeUndefined();
    expect(typeof r.registration_access_token).toBe('string');
    const res = await tokenWith(r.client_id);
    expect(res.status).toBe(200);
    expect((await body(res)).scope).toBe('data:read');
  });

  it('registers a secret client, kept only hashed, whose secret works only the way it registered', async () => {
    const r = await registered({ token_endpoint_auth_method: 'client_secret_basic' });
    // RFC 7591 §3.2.1: 0 would mean the secret never expires; it lapses with the registration
    expect(r.client_secret_expires_at).toBe((t.now() + 24 * HOUR) / 1000);
    expect(r.client_secret_expires_at).toBe(r.flowlab_expires_at);
    expect((await secretToken(r.client_id, r.client_secret!)).status).toBe(200);
    const stored = JSON.stringify(await t.registrations.get(r.client_id));
    expect(stored).not.toContain(r.client_secret);
    expect(stored).not.toContain(r.registration_access_token);
  });

  it.each([
    ['client_secret_basic', true, /registered client_secret_basic: .*Authorization header/],
    ['client_secret_post', false, /registered client_secret_post: .*body parameters/],
  ] as const)(
    'refuses a %s client its secret sent the other way (RFC 7591 §2), counting no failure',
    async (method, post, description) => {
      const r = await registered({ token_endpoint_auth_method: method });
      for (let i = 0; i < 6; i++) {
        const res = await secretToken(r.client_id, r.client_secret!, post);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
        const json = await body(res);
        expect(json).toMatchObject({ error: 'invalid_client' });
        expect(json.error_description).toMatch(description);
      }
      // still not locked out: the right way works at once
      expect((await secretToken(r.client_id, r.client_secret!, !post)).status).toBe(200);
    },
  );

  it.each([
    [{ token_endpoint_auth_method: 'private_key_jwt' }, 'needs jwks'],
    [{ token_endpoint_auth_method: 'none' }, 'token_endpoint_auth_method'],
    [{ token_endpoint_auth_method: 'client_secret_post', jwks: { keys: [] } }, 'only for'],
    [{ grant_types: ['authorization_code'] }, 'grant_types'],
    [{ jwks_uri: 'https://x' }, 'jwks_uri'],
    [{ scope: 'live:present' }, 'scope must be'],
    [{ client_name: 'a\nb' }, 'client_name'],
    [[], 'JSON object'],
  ])('refuses %j with invalid_client_metadata', async (metadata, text) => {
    const res = await register(metadata);
    expect(res.status).toBe(400);
    const b = await body(res);
    expect(b.error).toBe('invalid_client_metadata');
    expect(b.error_description).toContain(text);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses private keys, HMAC keys, short RSA keys and points off the curve', async () => {
    const pub = await exportJWK(key.publicKey);
    const priv = await exportJWK(key.privateKey);
    const rsa1024 = { kty: 'RSA', n: 'A'.repeat(171), e: 'AQAB' }; // 128 bytes: 1024 bits
    for (const [k, text] of [
      [priv, "private member 'd'"],
      [{ kty: 'oct', k: 'c2VjcmV0' }, "private member 'k'"],
      [rsa1024, 'under 2048 bits'],
      [{ ...pub, x: pub.y }, 'not a valid public key'],
    ] as const) {
      const res = await register(
        { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [k] } },
        `caller ${text}`,
      );
      expect((await body(res)).error_description).toContain(text);
    }
  });

  it('answers 415 for a non-JSON body, 400 for broken JSON, 413 for a large one, 405 for GET', async () => {
    const form = { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' };
    expect((await register(null, 'c', form)).status).toBe(415);
    expect((await register('{', 'c')).status).toBe(400);
    expect((await register(JSON.stringify({ client_name: 'x'.repeat(20_000) }), 'd')).status).toBe(
      413,
    );
    const get = await register(null, 'e', { method: 'GET' } as never);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('limits registrations per caller (429 + Retry-After), not other callers', async () => {
    // a refused body registers nothing and counts nothing: the learner fixes it and goes on
    for (let i = 0; i < 5; i++) expect((await register([])).status).toBe(400);
    for (let i = 0; i < 3; i++) await registered({});
    const res = await register({});
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    await registered({}, '198.51.100.7');
  });

  it('holds the limit when a caller’s requests arrive all at once', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => register({}, '203.0.113.9')));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
  });

  it('caps the live registrations server-wide (503), freeing places as they expire', async () => {
    for (let i = 0; i < 5; i++) await registered({}, `caller-${i}`);
    expect((await register({}, 'caller-x')).status).toBe(503);
    t.advance(24 * HOUR + 1);
    await registered({}, 'caller-y');
  });
});

describe('one registration (RFC 7592)', () => {
  it('reads its metadata with the registration token, never the secret', async () => {
    const r = await registered({ token_endpoint_auth_method: 'client_secret_post' });
    const res = await manage(r, 'read', 'GET', r.registration_access_token);
    expect(res.status).toBe(200);
    const b = await body(res);
    expect(b.client_id).toBe(r.client_id);
    expect(b.client_secret).toBeUndefined();
    // RFC 7592 §3: the response carries the registration access token, the one the client holds
    expect(b.registration_access_token).toBe(r.registration_access_token);
    expect(b.registration_client_uri).toBe(r.registration_client_uri);
    // HEAD as every GET resource answers it (RFC 9110 §9.1)
    expect((await manage(r, 'read', 'HEAD', r.registration_access_token)).status).toBe(200);
  });

  it('refuses a missing or wrong token, and another learner’s token, with 401 invalid_token', async () => {
    const mine = await pkjwt();
    const theirs = await pkjwt();
    const missing = await manage(mine, 'read', 'GET');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="FlowLab"');
    for (const token of ['wrong', theirs.registration_access_token!]) {
      const res = await manage(mine, 'read', 'DELETE', token);
      expect(res.status).toBe(401);
      expect((await body(res)).error).toBe('invalid_token');
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
    // another scheme sends no bearer credentials: a bare challenge, no error code (RFC 6750 §3.1)
    const basic = await t.server.manageRegistration(
      new Request(`${ORIGIN}/register/${mine.client_id}`, {
        headers: { Authorization: 'Basic YTpi' },
      }),
      mine.client_id,
      'read',
    );
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toBe('Bearer realm="FlowLab"');
    // a malformed Bearer credential is invalid_request (RFC 6750 §3.1), as at /api/data
    for (const header of ['Bearer ', 'Bearer\tx', 'Bearer a b']) {
      const malformed = await t.server.manageRegistration(
        new Request(`${ORIGIN}/register/${mine.client_id}`, {
          headers: { Authorization: header },
        }),
        mine.client_id,
        'read',
      );
      expect(malformed.status, header).toBe(400);
      expect((await body(malformed)).error).toBe('invalid_request');
      expect(malformed.headers.get('www-authenticate')).toContain('error="invalid_request"');
    }
    const unknown = await manage({ client_id: 'learner-nope' }, 'read', 'GET', 'x');
    expect(unknown.status).toBe(401);
    expect((await tokenWith(mine.client_id)).status).toBe(200); // still there
  });

  it('deletes the client: 204, then it cannot authenticate and its tokens stop working (RFC 7592 §2.3)', async () => {
    const r = await pkjwt();
    const access = (await body(await tokenWith(r.client_id))).access_token as string;
    expect((await t.server.api(apiGet(access))).status).toBe(200);
    const res = await manage(r, 'read', 'DELETE', r.registration_access_token);
    expect(res.status).toBe(204);
    expect((await tokenWith(r.client_id)).status).toBe(401);
    expect((await manage(r, 'read', 'GET', r.registration_access_token)).status).toBe(401);
    const api = await t.server.api(apiGet(access));
    expect(api.status).toBe(401);
    expect(api.headers.get('www-authenticate')).toMatch(
      /error="invalid_token", error_description="[^"]*the token.s client no longer exists/,
    );
    const introspected = await t.server.introspect(
      formPost(`token=${access}`, {
        Authorization: encodeBasicAuthorization('resource-server', 'resource-secret'),
      }),
    );
    expect(await body(introspected)).toEqual({ active: false });
  });

  it('rotates the secret: the old one stops working at once', async () => {
    const r = await registered({});
    t.advance(HOUR);
    const res = await manage(r, 'secret', 'POST', r.registration_access_token);
    expect(res.status).toBe(200);
    const rotated = (await res.json()) as RegistrationResponse;
    const next = rotated.client_secret;
    expect(next).not.toBe(r.client_secret);
    expect(rotated.registration_access_token).toBe(r.registration_access_token);
    // the rotation is a use: the registration, and so the new secret, lives 24 h from now
    expect(rotated.client_secret_expires_at).toBe((t.now() + 24 * HOUR) / 1000);
    expect(rotated.flowlab_expires_at).toBe(rotated.client_secret_expires_at);
    expect((await secretToken(r.client_id, r.client_secret!)).status).toBe(401);
    expect((await secretToken(r.client_id, next!)).status).toBe(200);
    const pk = await pkjwt();
    expect((await manage(pk, 'secret', 'POST', pk.registration_access_token)).status).toBe(400);
  });

  it('answers 405 with Allow for the wrong method', async () => {
    const r = await pkjwt();
    for (const [action, method, allow] of [
      ['read', 'PUT', 'GET, HEAD, DELETE'],
      ['secret', 'GET', 'POST'],
      ['clock', 'POST', 'PUT'],
    ] as const) {
      const res = await manage(r, action, method, r.registration_access_token);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
    }
  });

  it('expires after 24 h unused; any authenticated use extends it', async () => {
    const r = await pkjwt();
    t.advance(23 * HOUR);
    expect((await tokenWith(r.client_id)).status).toBe(200);
    t.advance(23 * HOUR);
    expect((await manage(r, 'read', 'GET', r.registration_access_token)).status).toBe(200);
    t.advance(24 * HOUR + 1000);
    expect((await tokenWith(r.client_id)).status).toBe(401);
  });
});

describe('PUT /register/<id>/clock: this client only', () => {
  it('expires this client’s assertions and tokens early, never another client’s', async () => {
    const r = await pkjwt();
    const mine = ((await body(await tokenWith(r.client_id))) as { access_token: string })
      .access_token;
    const other = await getToken(t.server, 'abc', 'xyz');
    const otherLearner = await pkjwt();
    const theirs = (
      (await body(await tokenWith(otherLearner.client_id))) as {
        access_token: string;
      }
    ).access_token;

    const res = await manage(r, 'clock', 'PUT', r.registration_access_token, {
      clock_offset_seconds: 3700,
    });
    expect(await body(res)).toEqual({ clock_offset_seconds: 3700 });

    const api = await t.server.api(apiGet(mine));
    expect(api.status).toBe(401);
    expect((await body(api)).error_description).toMatch(/expired/);
    expect((await t.server.api(apiGet(other))).status).toBe(200);
    expect((await t.server.api(apiGet(theirs))).status).toBe(200);
    const introspect = await t.server.introspect(
      formPost(
        assertionBody(
          await assertionFor(r.client_id, Math.floor(t.now() / 1000) + 3700),
          `token=${mine}`,
        ),
        {},
        '/introspect',
      ),
    );
    expect(await body(introspect)).toEqual({ active: false });

    // an assertion made on the real clock has expired on this client's clock
    const refused = await tokenWith(r.client_id);
    expect(refused.status).toBe(401);
    expect((await body(refused)).error_description).toMatch(/expired/);
    expect((await tokenWith(otherLearner.client_id)).status).toBe(200);
  });

  it('remembers a used jti for the assertion’s real lifetime, however far its clock runs ahead', async () => {
    const r = await pkjwt();
    await manage(r, 'clock', 'PUT', r.registration_access_token, { clock_offset_seconds: 86_400 });
    const ahead = await assertionFor(r.client_id, Math.floor(t.now() / 1000) + 86_400);
    const send = () => t.server.token(formPost(assertionBody(ahead)));
    expect((await send()).status).toBe(200);
    expect((await body(await send())).error_description).toMatch(/used before/);
    const held = t.state.dump().used.filter(([k]) => k.includes(r.client_id));
    expect(held).toHaveLength(1);
    // 60 s lifetime plus the tolerance, in real time: not the 24 h the client's clock is ahead
    expect(held[0]![1] - t.now()).toBeLessThanOrEqual(120_000);
    t.advance(121_000);
    expect(t.state.dump().used.filter(([k]) => k.includes(r.client_id))).toEqual([]);
    expect((await body(await send())).error_description).toMatch(/expired/);
  });

  it('refuses a clock body that is not JSON with invalid_request (415, 400)', async () => {
    const r = await pkjwt();
    const send = (type: string, payload: string) =>
      t.server.manageRegistration(
        new Request(`${ORIGIN}/register/${r.client_id}/clock`, {
          method: 'PUT',
          headers: { 'Content-Type': type, Authorization: `Bearer ${r.registration_access_token}` },
          body: payload,
        }),
        r.client_id,
        'clock',
      );
    const form = await send('application/x-www-form-urlencoded', 'clock_offset_seconds=5');
    expect([form.status, (await body(form)).error]).toEqual([415, 'invalid_request']);
    const broken = await send('application/json', '{');
    expect([broken.status, (await body(broken)).error]).toEqual([400, 'invalid_request']);
  });

  it.each([[-1], [86_401], [1.5], ['10'], [null]])(
    'refuses clock_offset_seconds %j with 400 invalid_request',
    async (value) => {
      const r = await pkjwt();
      const res = await manage(r, 'clock', 'PUT', r.registration_access_token, {
        clock_offset_seconds: value,
      });
      expect(res.status).toBe(400);
      expect((await body(res)).error).toBe('invalid_request');
    },
  );
});
