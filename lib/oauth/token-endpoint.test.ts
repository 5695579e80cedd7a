import { sentBy } from './http';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeProtectedHeader, decodeJwt, jwtVerify } from 'jose';
import { encodeBasicAuthorization } from '../protocol/basic';
import * as secureCompare from './secure-compare';
import { parseChecksHeader } from '../protocol/checks';
import {
  body,
  FORM,
  formPost,
  makeServer,
  ORIGIN,
  tokenPost,
  type TestServer,
} from './test-support';
import { DEMO_CLIENTS_CONFIG } from './demo-clients';

vi.mock('./secure-compare', { spy: true });

let t: TestServer;
beforeEach(async () => {
  t = await makeServer();
});

const GRANT = 'grant_type=client_credentials';

function expectNoStore(res: Response) {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('pragma')).toBe('no-cache');
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expectNoStore(res);
  const json = await body(res);
  expect(json.error).toBe(code);
  expect(typeof json.error_description).toBe('string');
  return json;
}

describe('POST /token success', () => {
  it('issues an RFC 9068 access token with client_secret_post', async () => {
    const res = await t.server.token(tokenPost('abc', 'xyz'));
    expect(res.status).toBe(200);
    expectNoStore(res);
    expect(res.headers.get('content-type')).toBe('application/json');
    const json = await body(res);
    expect(Object.keys(json).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'data:read' });
    const token = json.access_token as string;
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: t.key.kid });
    const { payload } = await jwtVerify(token, t.key.publicKey, {
      issuer: ORIGIN,
      audience: `${ORIGIN}/api`,
      typ: 'at+jwt',
      currentDate: new Date(t.now()),
    });
    expect(payload).toMatchObject({
      sub: 'abc',
      client_id: 'abc',
      scope: 'data:read',
      iat: t.now() / 1000,
      exp: t.now() / 1000 + 3600,
    });
    expect(typeof payload.jti).toBe('string');
  });

  it('accepts client_secret_basic with form-urlencoded halves', async () => {
    const res = await t.server.token(
      formPost(GRANT, { Authorization: encodeBasicAuthorization('myapp123', 'secret456') }),
    );
    expect(res.status).toBe(200);
    expect(decodeJwt(((await body(res)) as { access_token: string }).access_token).client_id).toBe(
      'myapp123',
    );
  });

  it('grants an asked scope the client is allowed, in the order asked, without duplicates', async () => {
    const res = await t.server.token(
      tokenPost('abc', 'xyz', '&scope=data:write+data:read+data:write'),
    );
    expect((await body(res)).scope).toBe('data:write data:read');
  });

  it('ignores unknown parameters and accepts a charset on the content type', async () => {
    const res = await t.server.token(
      formPost(`${GRANT}&client_id=abc&client_secret=xyz&foo=bar`, {
        'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
      }),
    );
    expect(res.status).toBe(200);
  });

  it('uses a configured issuer for iss and aud', async () => {
    const s = await makeServer({ issuer: 'https://auth.example.com/' });
    const json = await body(await s.server.token(tokenPost('abc', 'xyz')));
    expect(decodeJwt(json.access_token as string)).toMatchObject({
      iss: 'https://auth.example.com',
      aud: 'https://auth.example.com/api',
    });
  });

  it('gives short-lived its 2 s lifetime', async () => {
    expect(
      (await body(await t.server.token(tokenPost('short-lived', 'short-secret')))).expires_in,
    ).toBe(2);
  });

  it('compares secrets with the constant-time compare', async () => {
    vi.mocked(secureCompare.secretMatchesDigest).mockClear();
    await t.server.token(tokenPost('abc', 'wrong'));
    await t.server.token(tokenPost('abc', 'xyz'));
    expect(secureCompare.secretMatchesDigest).toHaveBeenCalledTimes(2);
    expect(vi.mocked(secureCompare.secretMatchesDigest).mock.calls.map((c) => c[0])).toEqual([
      'wrong',
      'xyz',
    ]);
  });
});

describe('POST /token errors', () => {
  it.each([
    ['GET', 'GET'],
    ['PUT', 'PUT'],
    ['DELETE', 'DELETE'],
  ])('%s -> 405 with Allow: POST', async (_n, method) => {
    const res = await t.server.token(new Request(`${ORIGIN}/token`, { method }));
    await expectError(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('JSON body -> 400 invalid_request', async () => {
    const res = await t.server.token(
      new Request(`${ORIGIN}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: 'abc',
          client_secret: 'xyz',
        }),
      }),
    );
    await expectError(res, 400, 'invalid_request');
  });

  it('no content type -> 400 invalid_request', async () => {
    const res = await t.server.token(
      new Request(`${ORIGIN}/token`, {
        method: 'POST',
        body: new Blob(['grant_type=client_credentials']),
      }),
    );
    await expectError(res, 400, 'invalid_request');
  });

  it('repeated parameter -> 400 invalid_request', async () => {
    await expectError(
      await t.server.token(tokenPost('abc', 'xyz', `&${GRANT}`)),
      400,
      'invalid_request',
    );
  });

  it('missing grant_type -> 400 invalid_request', async () => {
    const json = await expectError(
      await t.server.token(formPost('client_id=abc&client_secret=xyz')),
      400,
      'invalid_request',
    );
    expect(json.error_description).toMatch(/grant_type/);
  });

  it('malformed percent-escape -> 400 invalid_request', async () => {
    await expectError(
      await t.server.token(formPost(`${GRANT}&client_id=abc&client_secret=%E0%A4%A`)),
      400,
      'invalid_request',
    );
  });

  it('credentials in the query string -> 400 invalid_request, naming them and RFC 6749 §2.3.1', async () => {
    const res = await t.server.token(formPost(GRANT, {}, '/token?client_id=abc&client_secret=xyz'));
    const json = await expectError(res, 400, 'invalid_request');
    expect(json.error_description).toBe(
      'The request sends client_id and client_secret in the URL query, where this server does not read them: send them in the request body, form-encoded (Content-Type: application/x-www-form-urlencoded); client credentials (client_id and client_secret) must never be in a URL, which logs and browser history keep (RFC 6749 section 2.3.1).',
    );
  });

  describe('the parameters in the URL query instead of the body', () => {
    const basic = { Authorization: encodeBasicAuthorization('abc', 'xyz') };
    const inQuery =
      'The request sends grant_type and scope in the URL query, where this server does not read them: send them in the request body, form-encoded (Content-Type: application/x-www-form-urlencoded).';
    const lastCheck = (res: Response) =>
      parseChecksHeader(res.headers.get('flowlab-checks'))!.at(-1);

    it('with no body at all (curl -X POST ...?grant_type=...): says the query, at content-type', async () => {
      const res = await t.server.token(
        new Request(`${ORIGIN}/token?grant_type=client_credentials&scope=data:read`, {
          method: 'POST',
          headers: basic,
        }),
      );
      expect((await expectError(res, 400, 'invalid_request')).error_description).toBe(inQuery);
      expect(lastCheck(res)).toMatchObject({ id: 'content-type', ok: false });
    });

    it('with an empty form body: says the query, not that grant_type is missing', async () => {
      const res = await t.server.token(
        formPost('', basic, '/token?grant_type=client_credentials&scope=data:read'),
      );
      expect((await expectError(res, 400, 'invalid_request')).error_description).toBe(inQuery);
      expect(lastCheck(res)).toMatchObject({ id: 'params', ok: false });
    });

    it('with the body complete: a scope in the query is refused, not silently ignored', async () => {
      const res = await t.server.token(formPost(GRANT, basic, '/token?scope=data:write'));
      const json = await expectError(res, 400, 'invalid_request');
      expect(json.error_description).toMatch(/^The request sends scope in the URL query/);
    });

    it('a query parameter the endpoint does not read is ignored (RFC 6749 §3.2)', async () => {
      const res = await t.server.token(
        new Request(`${ORIGIN}/token?trace=1`, {
          method: 'POST',
          headers: { ...FORM, ...basic },
          body: GRANT,
        }),
      );
      expect(res.status).toBe(200);
    });
  });

  it('two authentication methods -> 400 invalid_request', async () => {
    const res = await t.server.token(
      formPost(`${GRANT}&client_id=abc&client_secret=xyz`, {
        Authorization: encodeBasicAuthorization('abc', 'xyz'),
      }),
    );
    await expectError(res, 400, 'invalid_request');
  });

  it.each([
    ['Basic', { Authorization: encodeBasicAuthorization('abc', 'xyz') }, ''],
    ['client_secret', {}, '&client_id=abc&client_secret=xyz'],
  ])(
    'a client assertion plus %s -> 400 invalid_request (RFC 6749 §2.3: one method)',
    async (_name, headers, extra) => {
      const assertion =
        '&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=a.b.c';
      const res = await t.server.token(formPost(`${GRANT}${assertion}${extra}`, headers));
      await expectError(res, 400, 'invalid_request');
    },
  );

  it('an unknown client_assertion_type -> 400 invalid_request (RFC 7521 §4.2)', async () => {
    const res = await t.server.token(
      formPost(`${GRANT}&client_id=abc&client_assertion_type=urn%3Aexample&client_assertion=a.b.c`),
    );
    await expectError(res, 400, 'invalid_request');
  });

  it('body client_id that differs from the Basic one -> 400 invalid_request', async () => {
    const res = await t.server.token(
      formPost(`${GRANT}&client_id=other`, {
        Authorization: encodeBasicAuthorization('abc', 'xyz'),
      }),
    );
    await expectError(res, 400, 'invalid_request');
  });

  it.each([
    ['not base64', 'Basic %%%', /not valid base64/],
    ['no colon', `Basic ${btoa('abcxyz')}`, /no colon/],
    ['a bad escape', `Basic ${btoa('abc:%zz')}`, /percent-escape/],
    ['not UTF-8', `Basic ${btoa('\xff:a')}`, /UTF-8/],
    ['an empty client_id', `Basic ${btoa(':xyz')}`, /empty client_id/],
  ])('malformed Basic header (%s) -> 400 invalid_request', async (_name, header, text) => {
    const json = await expectError(
      await t.server.token(formPost(GRANT, { Authorization: header })),
      400,
      'invalid_request',
    );
    expect(json.error_description).toMatch(text);
  });

  it('unknown client -> 401 invalid_client with a Basic challenge', async () => {
    const res = await t.server.token(tokenPost('nobody', 'xyz'));
    await expectError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="FlowLab"/);
  });

  it('wrong secret with Basic -> 401 invalid_client with WWW-Authenticate: Basic', async () => {
    const res = await t.server.token(
      formPost(GRANT, { Authorization: encodeBasicAuthorization('abc', 'nope') }),
    );
    await expectError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="FlowLab"/);
  });

  it('no authentication -> 401 invalid_client with a challenge', async () => {
    const res = await t.server.token(formPost(`${GRANT}&client_id=abc`));
    await expectError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('another authorization scheme -> 401 invalid_client', async () => {
    await expectError(
      await t.server.token(formPost(GRANT, { Authorization: 'Bearer abc' })),
      401,
      'invalid_client',
    );
  });

  it('unsupported grant type -> 400 unsupported_grant_type', async () => {
    await expectError(
      await t.server.token(formPost('grant_type=password&client_id=abc&client_secret=xyz')),
      400,
      'unsupported_grant_type',
    );
  });

  it('client not allowed the grant -> 400 unauthorized_client', async () => {
    await expectError(
      await t.server.token(tokenPost('legacy-portal', 'portal-secret')),
      400,
      'unauthorized_client',
    );
  });

  it.each([
    ['unknown scope', '&scope=admin'],
    ['scope not allowed for the client', '&scope=reports:read'],
    ['malformed scope', '&scope=%22quoted%22'],
  ])('%s -> 400 invalid_scope', async (_n, extra) => {
    await expectError(await t.server.token(tokenPost('abc', 'xyz', extra)), 400, 'invalid_scope');
  });

  it('oversized body -> 413 with a JSON error', async () => {
    await expectError(
      await t.server.token(formPost(`${GRANT}&pad=${'a'.repeat(20_000)}`)),
      413,
      'request_too_large',
    );
  });
});

describe('brute-force lockout', () => {
  it('locks one client out after 10 wrong secrets for the rest of the 60 s window', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await t.server.token(tokenPost('lockout-demo', `guess${i}`))).status).toBe(401);
    }
    const locked = await t.server.token(tokenPost('lockout-demo', 'lockout-secret'));
    await expectError(locked, 429, 'too_many_requests');
    expect(locked.headers.get('retry-after')).toBe('60');
    // another client is not affected
    expect((await t.server.token(tokenPost('myapp123', 'secret456'))).status).toBe(200);
    t.advance(30_000);
    const still = await t.server.token(tokenPost('lockout-demo', 'wrong'));
    expect(still.status).toBe(429);
    expect(still.headers.get('retry-after')).toBe('30');
    t.advance(30_000);
    expect((await t.server.token(tokenPost('lockout-demo', 'lockout-secret'))).status).toBe(200);
  });

  it('locks out only the caller who guessed: the owner elsewhere keeps their client', async () => {
    const from = (caller: string, secret: string) =>
      t.server.token(sentBy(tokenPost('lockout-demo', secret), caller));
    for (let i = 0; i < 10; i++) expect((await from('203.0.113.7', `guess${i}`)).status).toBe(401);
    expect((await from('203.0.113.7', 'lockout-secret')).status).toBe(429);
    expect((await from('198.51.100.2', 'lockout-secret')).status).toBe(200);
    expect((await from('198.51.100.2', 'wrong')).status).toBe(401);
  });

  it.each([
    ['abc', 'xyz'],
    ['reporting-bot', 'reports-secret'],
    ['legacy-portal', 'portal-secret'],
  ])(
    'never locks out a demo client with a published secret: %s (a room behind one address replays its scenario)',
    async (id, secret) => {
      for (let i = 0; i < 30; i++) {
        expect((await t.server.token(tokenPost(id, `guess${i}`))).status).toBe(401);
      }
      const right = await t.server.token(tokenPost(id, secret));
      expect(right.status).not.toBe(429);
      expect(right.status).toBe(id === 'legacy-portal' ? 400 : 200); // unauthorized_client, as taught
      expect(t.state.size.counters).toBe(0);
    },
  );

  it('has a lockout on no demo client but lockout-demo', () => {
    const locking = DEMO_CLIENTS_CONFIG.filter((c) => c.lockout !== false).map((c) => c.client_id);
    expect(locking).toEqual(['lockout-demo']);
  });

  it('does not count successful requests', async () => {
    for (let i = 0; i < 50; i++)
      expect((await t.server.token(tokenPost('lockout-demo', 'lockout-secret'))).status).toBe(200);
    expect(t.state.size.counters).toBe(0);
  });

  it('resets when the state is cleared', async () => {
    for (let i = 0; i < 10; i++) await t.server.token(tokenPost('lockout-demo', 'bad'));
    expect((await t.server.token(tokenPost('lockout-demo', 'lockout-secret'))).status).toBe(429);
    await t.server.state.clear();
    expect((await t.server.token(tokenPost('lockout-demo', 'lockout-secret'))).status).toBe(200);
  });
});

describe('token endpoint events', () => {
  it('reports a success once with every check in order and the raw secret', async () => {
    await t.server.token(tokenPost('abc', 'xyz'));
    expect(t.events).toHaveLength(1);
    const e = t.events[0]!;
    expect(e).toMatchObject({
      endpoint: 'token',
      method: 'POST',
      path: '/token',
      clientId: 'abc',
      status: 200,
      at: t.now(),
    });
    expect(e.error).toBeUndefined();
    expect(e.credential).toEqual({ kind: 'secret', value: 'xyz' });
    expect(e.checks.map((c) => c.id)).toEqual([
      'method',
      'content-type',
      'params',
      'client-auth',
      'client-known',
      'rate-limit',
      'secret-matches',
      'grant-type',
      'grant-allowed',
      'scope-allowed',
    ]);
    expect(e.checks.every((c) => c.ok)).toBe(true);
  });

  it('stops at the first failing check', async () => {
    await t.server.token(tokenPost('abc', 'nope'));
    const e = t.events[0]!;
    expect(e).toMatchObject({ status: 401, error: 'invalid_client', clientId: 'abc' });
    expect(e.checks.at(-1)).toMatchObject({ id: 'secret-matches', ok: false });
    expect(e.checks.filter((c) => !c.ok)).toHaveLength(1);
    expect(JSON.stringify(e.checks)).not.toContain('nope'); // details never carry the secret
  });

  it('reports a 405 too', async () => {
    await t.server.token(new Request(`${ORIGIN}/token`));
    expect(t.events).toHaveLength(1);
    expect(t.events[0]!.checks).toEqual([expect.objectContaining({ id: 'method', ok: false })]);
  });

  it('a throwing listener does not change the response', async () => {
    const s = await makeServer();
    const server = (await import('./server')).createAuthServer({
      clients: s.server.clients,
      key: s.key,
      state: s.state,
      onEvent: () => {
        throw new Error('listener broke');
      },
    });
    expect((await server.token(tokenPost('abc', 'xyz'))).status).toBe(200);
  });
});
