import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { listen } from './node-adapter';
import { makeServer } from './test-support';

// The bare node:http adapter hands the core plain CoreRequest records and writes its CoreResponse
// records itself: check that it serves the same answers as the web Request -> Response path.
let http: Server;
let base: string;

beforeAll(async () => {
  const t = await makeServer({ start: Date.now() });
  http = await listen(t.server, 0);
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('node:http adapter', () => {
  it('issues a token for body credentials, with no-store headers', async () => {
    const res = await fetch(`${base}/token`, {
      method: 'POST',
      headers: FORM,
      body: 'grant_type=client_credentials&client_id=abc&client_secret=xyz',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'data:read' });
    expect(decodeProtectedHeader(body.access_token).typ).toBe('at+jwt');
    expect(decodeJwt(body.access_token)).toMatchObject({
      iss: base,
      aud: `${base}/api`,
      client_id: 'abc',
    });
  });

  it('reads HTTP Basic credentials from the parsed headers and answers a wrong secret with 401 + challenge', async () => {
    const basic = (secret: string) => `Basic ${Buffer.from(`abc:${secret}`).toString('base64')}`;
    const ok = await fetch(`${base}/token`, {
      method: 'POST',
      headers: { ...FORM, Authorization: basic('xyz') },
      body: 'grant_type=client_credentials',
    });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${base}/token`, {
      method: 'POST',
      headers: { ...FORM, Authorization: basic('nope') },
      body: 'grant_type=client_credentials',
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Basic realm="FlowLab"/);
    expect((await bad.json()).error).toBe('invalid_client');
  });

  it('calls the API with the issued token', async () => {
    const token = await fetch(`${base}/token`, {
      method: 'POST',
      headers: FORM,
      body: 'grant_type=client_credentials&client_id=myapp123&client_secret=secret456',
    }).then((r) => r.json());
    const api = await fetch(`${base}/api/data`, {
      headers: { Authorization: `Bearer ${token.access_token}` },
    });
    expect(api.status).toBe(200);
    const none = await fetch(`${base}/api/data`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="FlowLab"/);
  });

  it('answers an oversized body with 413, an unknown path with 404, and metadata with JSON', async () => {
    const big = await fetch(`${base}/token`, {
      method: 'POST',
      headers: FORM,
      body: 'a'.repeat(40_000),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error).toBe('request_too_large');
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    const meta = await fetch(`${base}/.well-known/oauth-authorization-server`).then((r) =>
      r.json(),
    );
    expect(meta).toMatchObject({ issuer: base, token_endpoint: `${base}/token` });
    const head = await fetch(`${base}/.well-known/jwks.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
