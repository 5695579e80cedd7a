import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseChecksHeader } from '../protocol/checks';
import { unsignedClientAssertion, type AssertionOptions } from '../protocol/client-assertion';
import { signClientAssertion } from '../protocol/sign-client-assertion';
import { MAX_ASSERTIONS_PER_MINUTE } from './client-assertion-auth';
import { createClientRegistry } from './clients';
import { parseClientsConfig } from './client-config';
import { DEMO_CLIENTS_CONFIG } from './demo-clients';
import {
  apiGet,
  assertionBody,
  body,
  formPost,
  getToken,
  makeServer,
  ORIGIN,
  type TestServer,
} from './test-support';

// RFC 7523 §3 and RFC 7521 §4.2, case by case, against a client configured with two keys.
let keys: { a: CryptoKeyPair; b: CryptoKeyPair; other: CryptoKeyPair };
let t: TestServer;

beforeAll(async () => {
  const [a, b, other] = await Promise.all([
    generateKeyPair('ES256'),
    generateKeyPair('ES256'),
    generateKeyPair('ES256'),
  ]);
  keys = { a, b, other };
});

beforeEach(async () => {
  const jwk = async (k: CryptoKeyPair, kid: string) => ({
    ...(await exportJWK(k.publicKey)),
    kid,
  });
  const clients = parseClientsConfig([
    ...DEMO_CLIENTS_CONFIG,
    {
      client_id: 'signer',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [await jwk(keys.a, 'a'), await jwk(keys.b, 'b')] },
      scope: 'data:read',
    },
  ]);
  t = await makeServer({ clients: createClientRegistry(clients) });
});

const nowS = () => Math.floor(t.now() / 1000);
const opts = (over: Partial<AssertionOptions> = {}): AssertionOptions => ({
  clientId: 'signer',
  audience: ORIGIN,
  now: nowS(),
  ...over,
});
const sign = (over: Partial<AssertionOptions> = {}, key = keys.a.privateKey, kid = 'a') =>
  signClientAssertion(opts(over), { key, alg: 'ES256', kid });
const token = (assertion: string, extra = '') =>
  t.server.token(formPost(`${assertionBody(assertion)}${extra}`));

async function refused(res: Response, status: number, code: string, check: string) {
  const json = await body(res);
  expect({ status: res.status, error: json.error }).toEqual({ status, error: code });
  const checks = parseChecksHeader(res.headers.get('flowlab-checks'))!;
  expect(checks.at(-1)).toMatchObject({ id: check, ok: false });
  // RFC 9110 §15.5.2: every 401 carries a challenge; the token endpoint's is Basic (RFC 6749 §5.2).
  if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
  return json;
}

describe('private_key_jwt at /token (RFC 7523)', () => {
  it('issues a token for a valid assertion, recording every check in order', async () => {
    const res = await token(await sign());
    expect(res.status).toBe(200);
    expect((await body(res)).scope).toBe('data:read');
    expect(parseChecksHeader(res.headers.get('flowlab-checks'))!.map((c) => c.id)).toEqual([
      'method',
      'content-type',
      'params',
      'client-auth',
      'assertion-format',
      'assertion-subject',
      'client-known',
      'assertion-alg',
      'assertion-signature',
      'assertion-aud',
      'assertion-time',
      'assertion-jti-claim',
      'assertion-pace',
      'assertion-jti',
      'grant-type',
      'grant-allowed',
      'scope-allowed',
    ]);
    expect(t.events.at(-1)).toMatchObject({ clientId: 'signer', status: 200 });
  });

  it('accepts the token endpoint URL as aud, in a string or an array', async () => {
    expect((await token(await sign({ audience: `${ORIGIN}/token` }))).status).toBe(200);
    expect((await token(await sign({ audience: ['x', ORIGIN] }))).status).toBe(200);
  });

  it('accepts a matching body client_id, and picks the key by kid', async () => {
    const withB = await sign({}, keys.b.privateKey, 'b');
    expect((await token(withB, '&client_id=signer')).status).toBe(200);
  });

  it('accepts an Ed25519 key signing as Ed25519 (RFC 9864) or as the older EdDSA', async () => {
    const ed = await generateKeyPair('Ed25519');
    const clients = parseClientsConfig([
      {
        client_id: 'ed-signer',
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [{ ...(await exportJWK(ed.publicKey)), kid: 'ed' }] },
        scope: 'data:read',
      },
    ]);
    t = await makeServer({ clients: createClientRegistry(clients) });
    for (const alg of ['Ed25519', 'EdDSA']) {
      const a = await signClientAssertion(opts({ clientId: 'ed-signer' }), {
        key: ed.privateKey,
        alg,
        kid: 'ed',
      });
      expect((await token(a)).status).toBe(200);
    }
    // the key cannot be made to verify another algorithm's signature
    const es = await signClientAssertion(opts({ clientId: 'ed-signer' }), {
      key: keys.a.privateKey,
      alg: 'ES256',
      kid: 'ed',
    });
    await refused(await token(es), 401, 'invalid_client', 'assertion-signature');
  });

  it('refuses a crit header with its own reason, not as a bad signature (RFC 7515 §4.1.11)', async () => {
    const jwt = await new SignJWT({ iss: 'signer', sub: 'signer', aud: ORIGIN, jti: 'crit-1' })
      .setProtectedHeader({ alg: 'ES256', kid: 'a', crit: ['x-flowlab'], 'x-flowlab': 1 })
      .setIssuedAt(nowS())
      .setExpirationTime(nowS() + 60)
      .sign(keys.a.privateKey, { crit: { 'x-flowlab': true } });
    const json = await refused(await token(jwt), 401, 'invalid_client', 'assertion-format');
    // the RFC's section in words: error_description has no room for a section sign (RFC 6749 §5.2)
    expect(json.error_description).toMatch(/crit: .*\(RFC 7515 section 4\.1\.11\)/);
  });

  it('tries every key of the right type when the assertion names no kid', async () => {
    const noKid = await signClientAssertion(opts(), { key: keys.b.privateKey, alg: 'ES256' });
    expect((await token(noKid)).status).toBe(200);
  });

  it('holds one client to 60 accepted assertions a minute (429, Retry-After), so its jtis stay bounded', async () => {
    for (let i = 0; i < MAX_ASSERTIONS_PER_MINUTE; i++) {
      expect((await token(await sign())).status).toBe(200);
    }
    const res = await token(await sign());
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await body(res)).error).toBe('too_many_requests');
    const checks = parseChecksHeader(res.headers.get('flowlab-checks'))!;
    expect(checks.at(-1)).toMatchObject({ id: 'assertion-pace', ok: false });
    t.advance(60_000);
    expect((await token(await sign())).status).toBe(200);
  });

  it('does not count replays toward the limit: a captured assertion cannot lock its client out', async () => {
    const captured = await sign();
    expect((await token(captured)).status).toBe(200);
    for (let i = 0; i < MAX_ASSERTIONS_PER_MINUTE + 5; i++) {
      await refused(await token(captured), 401, 'invalid_client', 'assertion-jti');
    }
    expect((await token(await sign())).status).toBe(200);
  });

  it('refuses a replayed jti (invalid_client)', async () => {
    const a = await sign();
    expect((await token(a)).status).toBe(200);
    const res = await token(a);
    const json = await refused(res, 401, 'invalid_client', 'assertion-jti');
    expect(json.error_description).toMatch(/used before/);
  });

  it.each([
    ['a wrong aud', { audience: 'https://elsewhere.example' }, 'assertion-aud'],
    ['an aud of another endpoint', { audience: `${ORIGIN}/api` }, 'assertion-aud'],
    ['no aud', { claims: { aud: undefined } }, 'assertion-aud'],
    ['an expired exp', { now: 1_000_000 }, 'assertion-time'],
    ['no exp', { claims: { exp: undefined } }, 'assertion-time'],
    ['an iat in the future', { claims: { iat: 9_999_999_999 } }, 'assertion-time'],
    ['an nbf in the future', { claims: { nbf: 9_999_999_999 } }, 'assertion-time'],
    ['a lifetime over 5 minutes', { lifetime: 3600 }, 'assertion-time'],
    ['no jti', { claims: { jti: undefined } }, 'assertion-jti-claim'],
    ['a jti that is not a string', { claims: { jti: 7 } }, 'assertion-jti-claim'],
    ['a jti over 256 characters', { claims: { jti: 'j'.repeat(257) } }, 'assertion-jti-claim'],
    ['an iss that is not the client', { claims: { iss: 'abc' } }, 'assertion-subject'],
    ['iss and sub of an unknown client', { clientId: 'nobody' }, 'client-known'],
  ])('refuses %s -> 401 invalid_client', async (_name, over, check) => {
    await refused(await token(await sign(over)), 401, 'invalid_client', check);
  });

  it('allows the clock tolerance on exp, but not more', async () => {
    const at = nowS();
    const lapsed = (s: number) => sign({ now: at - 60 - s });
    expect((await token(await lapsed(1))).status).toBe(200);
    await refused(await token(await lapsed(3)), 401, 'invalid_client', 'assertion-time');
  });

  it('refuses a body client_id that differs from the sub, as the subject, not as that client', async () => {
    const json = await refused(
      await token(await sign(), '&client_id=abc'),
      401,
      'invalid_client',
      'assertion-subject',
    );
    expect(json.error_description).toMatch(/differ from the client_id in the body/);
  });

  // RFC 7523 §3: iss and sub are both the client_id. Checked before the lookup, so the answer
  // is about the two claims, never about the client the sub happens to name.
  it.each([
    ['a secret client', 'signer', 'abc'],
    ['an unknown client', 'signer', 'nobody'],
    ['the signer', 'other', 'signer'],
  ])('refuses an iss that differs from a sub naming %s, saying so', async (_name, iss, sub) => {
    const res = await token(await sign({ claims: { iss, sub } }));
    const json = await refused(res, 401, 'invalid_client', 'assertion-subject');
    expect(json.error_description).toBe(
      'The client assertion iss and sub differ: iss and sub must both be the client_id (RFC 7523 section 3), the client signing about itself.',
    );
    const ids = parseChecksHeader(res.headers.get('flowlab-checks'))!.map((c) => c.id);
    expect(ids).not.toContain('client-known');
  });

  it.each([
    ['no iss', { iss: undefined }, /no iss claim/],
    ['an iss that is not a string', { iss: 7 }, /iss is not a string/],
    ['no sub', { sub: undefined }, /no sub claim/],
    ['a sub that is not a string', { sub: ['signer'] }, /sub is not a string/],
  ])('refuses %s as the subject, saying which claim', async (_name, claims, text) => {
    const json = await refused(
      await token(await sign({ claims })),
      401,
      'invalid_client',
      'assertion-subject',
    );
    expect(json.error_description).toMatch(text);
    expect(json.error_description).toMatch(/iss and sub must both be the client_id/);
  });

  it('refuses a signature by another key, and an unknown kid', async () => {
    const other = await sign({}, keys.other.privateKey, 'a');
    await refused(await token(other), 401, 'invalid_client', 'assertion-signature');
    const unknown = await sign({}, keys.a.privateKey, 'z');
    const json = await refused(await token(unknown), 401, 'invalid_client', 'assertion-signature');
    expect(json.error_description).toMatch(/unknown kid/);
  });

  it('refuses alg none and HMAC with a clear description', async () => {
    const none = await refused(
      await token(unsignedClientAssertion(opts())),
      401,
      'invalid_client',
      'assertion-alg',
    );
    expect(none.error_description).toMatch(/alg none/);
    const hmac = await new SignJWT({ iss: 'signer', sub: 'signer', aud: ORIGIN, jti: 'h' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(nowS() + 60)
      .sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!'));
    const hs = await refused(await token(hmac), 401, 'invalid_client', 'assertion-alg');
    expect(hs.error_description).toMatch(/HS256, an HMAC/);
  });

  it('never repeats an alg that is not a JWS algorithm name', async () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const shout = 'HS256 SHOWN TO THE WHOLE CLASS '.repeat(20);
    for (const alg of [shout, 'XS999 hello']) {
      const jwt = `${part({ alg })}.${part({ iss: 'signer', sub: 'signer', aud: ORIGIN })}.c2ln`;
      const res = await refused(await token(jwt), 401, 'invalid_client', 'assertion-alg');
      expect(res.error_description).toBe(
        'The client assertion header names no JWS algorithm. Sign with a private key (ES256, ES384, PS256, RS256, Ed25519 or EdDSA).',
      );
    }
  });

  it('refuses an assertion that is not a JWT', async () => {
    await refused(await token('not-a-jwt'), 401, 'invalid_client', 'assertion-format');
  });

  it('refuses a missing or unknown assertion type and a missing assertion (invalid_request)', async () => {
    const a = encodeURIComponent(await sign());
    const grant = 'grant_type=client_credentials';
    for (const b of [
      `${grant}&client_assertion=${a}`,
      `${grant}&client_assertion_type=urn%3Aexample&client_assertion=${a}`,
      `${grant}&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer`,
    ]) {
      const res = await refused(
        await t.server.token(formPost(b)),
        400,
        'invalid_request',
        'client-auth',
      );
      expect(res.error_description).not.toContain('urn:example');
    }
  });

  it('refuses a secret for a private_key_jwt client, and an assertion for a secret client', async () => {
    const res = await t.server.token(
      formPost('grant_type=client_credentials&client_id=signer&client_secret=x'),
    );
    await refused(res, 401, 'invalid_client', 'client-known');
    const forAbc = await sign({ clientId: 'abc' });
    await refused(await token(forAbc), 401, 'invalid_client', 'client-known');
  });

  it('does not count failed assertions toward a lockout (a key cannot be guessed)', async () => {
    for (let i = 0; i < 15; i++) await token(await sign({}, keys.other.privateKey));
    expect((await token(await sign())).status).toBe(200);
  });
});

describe('private_key_jwt at /introspect and /revoke', () => {
  it('introspects and revokes the client’s own token', async () => {
    const access = ((await body(await token(await sign()))) as { access_token: string })
      .access_token;
    const introspect = await t.server.introspect(
      formPost(assertionBody(await sign(), `token=${access}`), {}, '/introspect'),
    );
    expect(await body(introspect)).toMatchObject({ active: true, client_id: 'signer' });
    const revoke = await t.server.revoke(
      formPost(assertionBody(await sign(), `token=${access}`), {}, '/revoke'),
    );
    expect(revoke.status).toBe(200);
    expect((await t.server.api(apiGet(access))).status).toBe(401);
  });
});

describe('FLOWLAB_CLIENTS with jwks', () => {
  it.each([
    [{ token_endpoint_auth_method: 'private_key_jwt', scope: 'data:read' }, 'jwks must be'],
    [
      { token_endpoint_auth_method: 'private_key_jwt', client_secret: 's', scope: 'data:read' },
      'client_secret must be absent',
    ],
    [{ client_secret: 's', jwks: { keys: [] }, scope: 'data:read' }, 'jwks is only for'],
    [
      {
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [{ kty: 'oct', k: 'AAAA' }] },
        scope: 'data:read',
      },
      'keys[0] has the private member "k"',
    ],
    [{ token_endpoint_auth_method: 'tls_client_auth', scope: 'data:read' }, 'must be one of'],
  ])('names the bad field of %j', (client, message) => {
    expect(() => parseClientsConfig([{ client_id: 'x', ...client }])).toThrow(message);
  });

  it('reserves the learner- prefix for registered clients', () => {
    expect(() =>
      parseClientsConfig([{ client_id: 'learner-1', client_secret: 's', scope: 'data:read' }]),
    ).toThrow('reserved for registered clients');
  });

  it('keeps demo secret clients working alongside', async () => {
    expect(await getToken(t.server, 'abc', 'xyz')).toMatch(/\./);
  });
});
