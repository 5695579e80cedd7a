import { expect, test } from '@playwright/test';
import { basic, expectOAuthError, FORM, noStore, postToken } from './http-support';

const GRANT = 'grant_type=client_credentials';

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

test.describe('POST /token (RFC 6749 §4.4)', () => {
  test('issues a Bearer JWT to abc/xyz with the body method', async ({ request, baseURL }) => {
    const res = await postToken(request, 'abc', 'xyz');
    expect(res.status()).toBe(200);
    noStore(res);
    const json = await res.json();
    expect(Object.keys(json).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'data:read' });
    const header = JSON.parse(Buffer.from(json.access_token.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(claims(json.access_token)).toMatchObject({
      iss: baseURL,
      aud: `${baseURL}/api`,
      sub: 'abc',
      client_id: 'abc',
      scope: 'data:read',
    });
  });

  test('accepts HTTP Basic (client_secret_basic)', async ({ request }) => {
    const res = await request.post('/token', {
      headers: { ...FORM, Authorization: basic('myapp123', 'secret456') },
      data: GRANT,
    });
    expect(res.status()).toBe(200);
  });

  test('route handler responses carry the security headers', async ({ request }) => {
    for (const res of [
      await postToken(request, 'abc', 'xyz'),
      await request.get('/api/data'),
      await request.get('/.well-known/jwks.json'),
    ]) {
      const h = res.headers();
      expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['x-frame-options']).toBe('DENY');
      expect(h['cross-origin-opener-policy']).toBe('same-origin');
      expect(h['permissions-policy']).toContain('camera=()');
      expect(h['x-powered-by']).toBeUndefined();
    }
  });

  test('invalid_client: wrong secret and unknown client get 401 with a Basic challenge', async ({
    request,
  }) => {
    const wrong = await postToken(request, 'abc123', 'not-the-secret');
    await expectOAuthError(wrong, 401, 'invalid_client');
    expect(wrong.headers()['www-authenticate']).toMatch(/^Basic realm="FlowLab"/);
    noStore(wrong);
    const viaBasic = await request.post('/token', {
      headers: { ...FORM, Authorization: basic('nobody', 'x') },
      data: GRANT,
    });
    await expectOAuthError(viaBasic, 401, 'invalid_client');
    expect(viaBasic.headers()['www-authenticate']).toMatch(/^Basic realm="FlowLab"/);
    const none = await request.post('/token', { headers: FORM, data: GRANT });
    await expectOAuthError(none, 401, 'invalid_client');
  });

  test('invalid_request: JSON, repeated or missing parameters, two methods, query credentials, bad Basic, bad escape', async ({
    request,
  }) => {
    const cases = [
      request.post('/token', {
        headers: { 'Content-Type': 'application/json' },
        data: { grant_type: 'client_credentials', client_id: 'abc', client_secret: 'xyz' },
      }),
      request.post('/token', {
        headers: FORM,
        data: `${GRANT}&${GRANT}&client_id=abc&client_secret=xyz`,
      }),
      request.post('/token', { headers: FORM, data: 'client_id=abc&client_secret=xyz' }),
      request.post('/token', {
        headers: { ...FORM, Authorization: basic('abc', 'xyz') },
        data: `${GRANT}&client_id=abc&client_secret=xyz`,
      }),
      request.post('/token?client_id=abc&client_secret=xyz', { headers: FORM, data: GRANT }),
      request.post('/token', {
        headers: { ...FORM, Authorization: 'Basic not*base64' },
        data: GRANT,
      }),
      request.post('/token', {
        headers: { ...FORM, Authorization: `Basic ${Buffer.from('abcxyz').toString('base64')}` },
        data: GRANT,
      }),
      request.post('/token', { headers: FORM, data: `${GRANT}&client_id=abc&client_secret=%ZZ` }),
    ];
    for (const res of await Promise.all(cases)) {
      await expectOAuthError(res, 400, 'invalid_request');
      noStore(res);
    }
  });

  test('parameters the server does not read are ignored, even sent twice (RFC 6749 §3.2)', async ({
    request,
  }) => {
    const res = await request.post('/token', {
      headers: { ...FORM, Authorization: basic('abc', 'xyz') },
      data: `${GRANT}&utm_source=docs&trace=1&trace=2`,
    });
    expect(res.status(), await res.text()).toBe(200);
    expect((await res.json()).token_type).toBe('Bearer');
  });

  test('unsupported_grant_type, unauthorized_client, invalid_scope', async ({ request }) => {
    await expectOAuthError(
      await request.post('/token', {
        headers: FORM,
        data: 'grant_type=password&client_id=abc&client_secret=xyz',
      }),
      400,
      'unsupported_grant_type',
    );
    await expectOAuthError(
      await postToken(request, 'legacy-portal', 'portal-secret'),
      400,
      'unauthorized_client',
    );
    await expectOAuthError(
      await postToken(request, 'abc', 'xyz', '&scope=admin'),
      400,
      'invalid_scope',
    );
    await expectOAuthError(
      await postToken(request, 'myapp123', 'secret456', '&scope=data:write'),
      400,
      'invalid_scope',
    );
  });

  test('default and asked scopes', async ({ request }) => {
    expect(
      (await (await postToken(request, 'abc', 'xyz', '&scope=data:read%20data:write')).json())
        .scope,
    ).toBe('data:read data:write');
    expect((await (await postToken(request, 'reporting-bot', 'reports-secret')).json()).scope).toBe(
      'reports:read',
    );
  });

  test('other methods: 405 with Allow: POST', async ({ request }) => {
    for (const res of [
      await request.get('/token'),
      await request.put('/token'),
      await request.delete('/token'),
    ]) {
      expect(res.status()).toBe(405);
      expect(res.headers()['allow']).toBe('POST');
      noStore(res);
    }
    const head = await request.head('/token');
    expect(head.status()).toBe(405);
  });

  test('oversized body: 413 with a JSON error', async ({ request }) => {
    const res = await request.post('/token', {
      headers: FORM,
      data: `${GRANT}&pad=${'x'.repeat(100_000)}`,
    });
    await expectOAuthError(res, 413, 'request_too_large');
  });

  test('brute force: 429 with Retry-After for that client only', async ({ request }) => {
    // lockout-demo exists for this: locking it out leaves the lesson's clients alone.
    let res = await postToken(request, 'lockout-demo', 'guess');
    for (let i = 0; i < 10 && res.status() === 401; i++)
      res = await postToken(request, 'lockout-demo', `guess-${i}`);
    await expectOAuthError(res, 429, 'too_many_requests');
    const retry = Number(res.headers()['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    // the right secret is refused too while the lockout lasts, so a lucky guess is not revealed
    expect((await postToken(request, 'lockout-demo', 'lockout-secret')).status()).toBe(429);
    expect((await postToken(request, 'myapp123', 'secret456')).status()).toBe(200);
  });
});
