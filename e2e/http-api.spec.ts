import { expect, test } from '@playwright/test';
import { basic, expectOAuthError, FORM, noStore, tokenFor } from './http-support';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test.describe('GET /api/data (RFC 6750)', () => {
  test('returns API data naming the client and scope', async ({ request }) => {
    const res = await request.get('/api/data', {
      headers: bearer(await tokenFor(request, 'abc', 'xyz')),
    });
    expect(res.status()).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ client_id: 'abc', scope: 'data:read' });
    expect(json.data.length).toBeGreaterThan(0);
  });

  test('no credentials: 401, Bearer challenge without an error code', async ({
    request,
    baseURL,
  }) => {
    const res = await request.get('/api/data');
    expect(res.status()).toBe(401);
    const challenge = res.headers()['www-authenticate']!;
    expect(challenge).toMatch(/^Bearer realm="FlowLab"/);
    expect(challenge).not.toContain('error=');
    expect(challenge).toContain(
      `resource_metadata="${baseURL}/.well-known/oauth-protected-resource/api"`,
    );
  });

  test('malformed requests: 400 invalid_request', async ({ request }) => {
    const token = await tokenFor(request, 'abc', 'xyz');
    for (const res of [
      await request.get('/api/data', { headers: { Authorization: 'Bearer ' } }),
      await request.get(`/api/data?access_token=${token}`, { headers: bearer(token) }),
      await request.get(`/api/data?access_token=${token}`),
    ]) {
      await expectOAuthError(res, 400, 'invalid_request');
      expect(res.headers()['www-authenticate']).toContain('error="invalid_request"');
    }
  });

  test('bad tokens: 401 invalid_token with a description', async ({ request }) => {
    const token = await tokenFor(request, 'abc', 'xyz');
    const [h, p, s] = token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, scope: 'data:read data:write' })).toString('base64url')}.${s}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${p}.`;
    for (const bad of ['garbage', tampered, none, `${h}.${p}.${s.slice(0, -4)}AAAA`]) {
      const res = await request.get('/api/data', { headers: bearer(bad) });
      await expectOAuthError(res, 401, 'invalid_token');
      expect(res.headers()['www-authenticate']).toMatch(
        /^Bearer realm="FlowLab", error="invalid_token", error_description="[^"]+"/,
      );
    }
  });

  test('a token minted for another host is refused (iss/aud)', async ({ request, baseURL }) => {
    const port = new URL(baseURL!).port;
    // the issuer is the origin the request reached: ask for a token as if at another host name
    const res = await request.post('/token', {
      headers: { ...FORM, Host: `localhost:${port}` },
      data: 'grant_type=client_credentials&client_id=abc&client_secret=xyz',
    });
    expect(
      JSON.parse(Buffer.from((await res.json()).access_token.split('.')[1], 'base64url').toString())
        .iss,
    ).toBe(`http://localhost:${port}`);
    const foreign = (await res.json()).access_token as string;
    await expectOAuthError(
      await request.get('/api/data', { headers: bearer(foreign) }),
      401,
      'invalid_token',
    );
  });

  test('missing scope: 403 insufficient_scope with scope="data:read"', async ({ request }) => {
    const res = await request.get('/api/data', {
      headers: bearer(await tokenFor(request, 'reporting-bot', 'reports-secret')),
    });
    await expectOAuthError(res, 403, 'insufficient_scope');
    expect(res.headers()['www-authenticate']).toMatch(
      /error="insufficient_scope".*scope="data:read"/,
    );
  });

  test('expired: a short-lived token is refused 5 s after issue', async ({ request }) => {
    const token = await tokenFor(request, 'short-lived', 'short-secret');
    const issued = Date.now();
    expect((await request.get('/api/data', { headers: bearer(token) })).status()).toBe(200);
    // poll (not sleep) until the token is refused; it must not happen before exp, nor after 5 s
    await expect
      .poll(async () => (await request.get('/api/data', { headers: bearer(token) })).status(), {
        timeout: 6_000,
        intervals: [250],
      })
      .toBe(401);
    expect(Date.now() - issued).toBeGreaterThanOrEqual(2_000);
    const res = await request.get('/api/data', { headers: bearer(token) });
    expect((await res.json()).error_description).toMatch(/expired/);
  });

  test('other methods: 405 with Allow: GET, HEAD; HEAD answers like GET, without a body', async ({
    request,
  }) => {
    const res = await request.post('/api/data');
    expect(res.status()).toBe(405);
    expect(res.headers()['allow']).toBe('GET, HEAD');
    const token = await tokenFor(request, 'abc', 'xyz');
    const head = await request.head('/api/data', { headers: bearer(token) });
    expect(head.status()).toBe(200);
    expect(await head.body()).toHaveLength(0);
    expect((await request.head('/api/data')).status()).toBe(401);
  });
});

test.describe('introspection and revocation', () => {
  test('introspect an active token, revoke it, then it is inactive and refused', async ({
    request,
  }) => {
    const token = await tokenFor(request, 'abc', 'xyz', '&scope=data:read+data:write');
    const introspect = () =>
      request.post('/introspect', {
        headers: { ...FORM, Authorization: basic('resource-server', 'resource-secret') },
        data: `token=${token}`,
      });
    // RFC 7662 §4: another ordinary client learns nothing about abc's token
    const scan = await request.post('/introspect', {
      headers: { ...FORM, Authorization: basic('myapp123', 'secret456') },
      data: `token=${token}`,
    });
    expect(await scan.json()).toEqual({ active: false });
    const active = await introspect();
    expect(active.status()).toBe(200);
    noStore(active);
    expect(await active.json()).toMatchObject({
      active: true,
      client_id: 'abc',
      scope: 'data:read data:write',
      token_type: 'Bearer',
    });

    // another client's revoke is refused (RFC 7009 §2.1) and the token still works
    const foreign = await request.post('/revoke', {
      headers: FORM,
      data: `token=${token}&client_id=myapp123&client_secret=secret456`,
    });
    expect(foreign.status()).toBe(400);
    expect(await foreign.json()).toMatchObject({ error: 'invalid_request' });
    noStore(foreign);
    expect((await request.get('/api/data', { headers: bearer(token) })).status()).toBe(200);

    const revoked = await request.post('/revoke', {
      headers: { ...FORM, Authorization: basic('abc', 'xyz') },
      data: `token=${token}&token_type_hint=access_token`,
    });
    expect(revoked.status()).toBe(200);
    noStore(revoked);
    expect(await (await introspect()).json()).toEqual({ active: false });
    const api = await request.get('/api/data', { headers: bearer(token) });
    await expectOAuthError(api, 401, 'invalid_token');
    expect((await api.json()).error_description).toMatch(/revoked/);
  });

  test('unknown tokens: inactive, and revocation still answers 200', async ({ request }) => {
    const auth = { ...FORM, Authorization: basic('abc', 'xyz') };
    expect(
      await (await request.post('/introspect', { headers: auth, data: 'token=unknown' })).json(),
    ).toEqual({ active: false });
    expect((await request.post('/revoke', { headers: auth, data: 'token=unknown' })).status()).toBe(
      200,
    );
  });

  test('both require client authentication', async ({ request }) => {
    for (const path of ['/introspect', '/revoke']) {
      const res = await request.post(path, { headers: FORM, data: 'token=x' });
      await expectOAuthError(res, 401, 'invalid_client');
      expect(res.headers()['www-authenticate']).toMatch(/^Basic /);
      expect((await request.get(path)).status()).toBe(405);
    }
  });
});

test.describe('discovery', () => {
  test('RFC 8414 metadata', async ({ request, baseURL }) => {
    const res = await request.get('/.well-known/oauth-authorization-server');
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({
      issuer: baseURL,
      token_endpoint: `${baseURL}/token`,
      jwks_uri: `${baseURL}/.well-known/jwks.json`,
      introspection_endpoint: `${baseURL}/introspect`,
      revocation_endpoint: `${baseURL}/revoke`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
      ],
      registration_endpoint: `${baseURL}/register`,
      scopes_supported: ['data:read', 'data:write', 'reports:read', 'live:present'],
    });
  });

  test('RFC 9728 metadata only where it is true (§3.3: resource = the URL it was built from)', async ({
    request,
    baseURL,
  }) => {
    expect(
      await (await request.get('/.well-known/oauth-protected-resource/api')).json(),
    ).toMatchObject({
      resource: `${baseURL}/api`,
      authorization_servers: [baseURL],
      bearer_methods_supported: ['header'],
      resource_name: 'FlowLab demo API',
    });
    expect((await request.get('/.well-known/oauth-protected-resource')).status()).toBe(404);
  });

  test('JWKS has the public key that signed a fresh token', async ({ request }) => {
    const token = await tokenFor(request, 'abc', 'xyz');
    const kid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
    const { keys } = await (await request.get('/.well-known/jwks.json')).json();
    expect(keys).toEqual([expect.objectContaining({ kid, kty: 'EC', crv: 'P-256', use: 'sig' })]);
    expect(keys[0].d).toBeUndefined();
  });
});
