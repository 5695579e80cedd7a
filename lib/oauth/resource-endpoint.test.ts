import { beforeEach, describe, expect, it } from 'vitest';
import { base64url, SignJWT, type JWTPayload } from 'jose';
import { generateSigningJwk, importSigningKey } from './key-store';
import { apiGet, body, getToken, makeServer, ORIGIN, type TestServer } from './test-support';

let t: TestServer;
beforeEach(async () => {
  t = await makeServer();
});

const nowSec = () => t.now() / 1000;

/** Signs a token with the server's key (or another), overriding header or claims. */
async function forge(
  claims: JWTPayload = {},
  header: Record<string, unknown> = {},
  key = t.key,
): Promise<string> {
  const base = {
    iss: ORIGIN,
    sub: 'abc',
    aud: `${ORIGIN}/api`,
    iat: nowSec(),
    exp: nowSec() + 3600,
    jti: crypto.randomUUID(),
    client_id: 'abc',
    scope: 'data:read',
  };
  return new SignJWT({ ...base, ...claims })
    .setProtectedHeader({ alg: key.alg, typ: 'at+jwt', kid: key.kid, ...header })
    .sign(key.privateKey);
}

async function expectInvalidToken(res: Response, check: string) {
  expect(res.status).toBe(401);
  const challenge = res.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(
    /^Bearer realm="FlowLab", error="invalid_token", error_description="[^"]+"/,
  );
  expect(challenge).toContain(
    `resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/api"`,
  );
  expect((await body(res)).error).toBe('invalid_token');
  expect(t.events.at(-1)!.checks.at(-1)).toMatchObject({ id: check, ok: false });
}

describe('GET /api/data', () => {
  it('returns the demo data for a valid token, naming the client and scope', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await t.server.api(apiGet(token));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const json = await body(res);
    expect(json).toMatchObject({ client_id: 'abc', scope: 'data:read' });
    expect(Array.isArray(json.data)).toBe(true);
    const e = t.events.at(-1)!;
    expect(e).toMatchObject({
      endpoint: 'api',
      status: 200,
      clientId: 'abc',
      credential: { kind: 'token', value: token },
    });
    expect(e.checks.map((c) => c.id)).toEqual([
      'method',
      'bearer-present',
      'jwt-format',
      'alg',
      'signature',
      'typ',
      'iss',
      'aud',
      'exp',
      'revocation',
      'scope',
    ]);
  });

  it('no credentials -> 401 with a Bearer challenge and no error code', async () => {
    const res = await t.server.api(apiGet());
    expect(res.status).toBe(401);
    const challenge = res.headers.get('www-authenticate')!;
    expect(challenge).toMatch(/^Bearer realm="FlowLab"/);
    expect(challenge).not.toContain('error=');
    expect(t.events.at(-1)).toMatchObject({ status: 401 });
    expect(t.events.at(-1)!.error).toBeUndefined();
  });

  it('a tab after Bearer is refused even with a valid token', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await t.server.api(apiGet(undefined, { Authorization: `Bearer\t${token}` }));
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_request');
  });

  it('the body says what the lesson says the API returns', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    expect(await body(await t.server.api(apiGet(token)))).toMatchObject({
      message: 'API response data',
    });
  });

  it('a Basic header is not a bearer credential -> 401 without error code', async () => {
    const res = await t.server.api(apiGet(undefined, { Authorization: 'Basic YWJjOnh5eg==' }));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).not.toContain('error=');
  });

  it.each([
    ['empty token', { Authorization: 'Bearer ' }, ''],
    ['token with a space', { Authorization: 'Bearer a b' }, ''],
    ['a tab after Bearer (RFC 6750 §2.1: 1*SP)', { Authorization: 'Bearer\tabc' }, ''],
    ['token in header and query', { Authorization: 'Bearer abc' }, '?access_token=abc'],
    ['token in the query only', {}, '?access_token=abc'],
  ])('%s -> 400 invalid_request', async (_n, headers, query) => {
    const res = await t.server.api(apiGet(undefined, headers, query));
    expect(res.status).toBe(400);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="FlowLab", error="invalid_request"/,
    );
    expect((await body(res)).error).toBe('invalid_request');
  });

  it('garbage -> 401 invalid_token (jwt-format)', async () => {
    await expectInvalidToken(await t.server.api(apiGet('not-a-jwt')), 'jwt-format');
  });

  it('alg none -> 401 invalid_token (alg)', async () => {
    const enc = (o: object) => base64url.encode(JSON.stringify(o));
    const token = `${enc({ alg: 'none', typ: 'at+jwt' })}.${enc({ iss: ORIGIN, aud: `${ORIGIN}/api`, exp: nowSec() + 60, iat: nowSec(), jti: 'x', client_id: 'abc', scope: 'data:read' })}.`;
    await expectInvalidToken(await t.server.api(apiGet(token)), 'alg');
  });

  it('HS256 with a guessed secret -> 401 invalid_token (alg)', async () => {
    const token = await new SignJWT({ scope: 'data:read' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .sign(new TextEncoder().encode('x'.repeat(32)));
    await expectInvalidToken(await t.server.api(apiGet(token)), 'alg');
  });

  it('signed by another key -> 401 invalid_token (signature)', async () => {
    const other = await importSigningKey(await generateSigningJwk(), 'other');
    await expectInvalidToken(await t.server.api(apiGet(await forge({}, {}, other))), 'signature');
    // even when it claims the server's kid
    await expectInvalidToken(
      await t.server.api(apiGet(await forge({}, { kid: t.key.kid }, other))),
      'signature',
    );
  });

  it('tampered payload -> 401 invalid_token (signature)', async () => {
    const [h, , s] = (await forge()).split('.');
    const p = base64url.encode(JSON.stringify({ scope: 'data:read data:write', iss: ORIGIN }));
    await expectInvalidToken(await t.server.api(apiGet(`${h}.${p}.${s}`)), 'signature');
  });

  it.each([
    ['wrong typ', {}, { typ: 'JWT' }, 'typ'],
    ['wrong iss', { iss: 'https://evil.example' }, {}, 'iss'],
    ['wrong aud', { aud: 'https://other.example/api' }, {}, 'aud'],
    ['nbf in the future', { nbf: 0 }, {}, 'exp'],
    ['no jti', { jti: undefined }, {}, 'revocation'],
  ] as const)('%s -> 401 invalid_token (%s)', async (name, claims, header, check) => {
    const c: JWTPayload = { ...claims };
    if (name === 'nbf in the future') c.nbf = nowSec() + 60;
    await expectInvalidToken(await t.server.api(apiGet(await forge(c, header))), check);
  });

  it('accepts typ application/at+jwt and an aud array containing the API', async () => {
    const token = await forge({ aud: ['x', `${ORIGIN}/api`] }, { typ: 'application/at+jwt' });
    expect((await t.server.api(apiGet(token))).status).toBe(200);
  });

  it('expiry honours the 2 s clock tolerance', async () => {
    const token = await getToken(t.server, 'short-lived', 'short-secret'); // 2 s lifetime
    t.advance(3_000);
    expect((await t.server.api(apiGet(token))).status).toBe(200); // 1 s past exp, within tolerance
    t.advance(2_000);
    await expectInvalidToken(await t.server.api(apiGet(token)), 'exp');
  });

  it('a revoked token -> 401 invalid_token (revocation)', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const { jti, exp } = JSON.parse(
      new TextDecoder().decode(base64url.decode(token.split('.')[1]!)),
    ) as { jti: string; exp: number };
    await t.state.revoke(jti, exp * 1000, 'abc');
    await expectInvalidToken(await t.server.api(apiGet(token)), 'revocation');
  });

  it('a token without data:read -> 403 insufficient_scope with scope="data:read"', async () => {
    const token = await getToken(t.server, 'reporting-bot', 'reports-secret');
    const res = await t.server.api(apiGet(token));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="FlowLab", error="insufficient_scope", error_description="[^"]+", scope="data:read"/,
    );
    expect(await body(res)).toMatchObject({ error: 'insufficient_scope', scope: 'data:read' });
    expect(t.events.at(-1)).toMatchObject({
      clientId: 'reporting-bot',
      status: 403,
      error: 'insufficient_scope',
    });
  });

  it('other methods -> 405 with Allow: GET, HEAD', async () => {
    const res = await t.server.api(new Request(`${ORIGIN}/api/data`, { method: 'POST' }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('HEAD is checked like GET (RFC 9110 §9.1)', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const head = (authorization?: string) =>
      t.server.api(
        new Request(`${ORIGIN}/api/data`, {
          method: 'HEAD',
          headers: authorization ? { Authorization: authorization } : {},
        }),
      );
    expect((await head(`Bearer ${token}`)).status).toBe(200);
    expect((await head()).status).toBe(401);
  });

  it('a token issued for another host is refused (iss derived per request)', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await t.server.api(
      new Request('http://other.test/api/data', { headers: { Authorization: `Bearer ${token}` } }),
    );
    expect(res.status).toBe(401);
  });
});
