import { beforeEach, describe, expect, it } from 'vitest';
import { encodeBasicAuthorization } from '../protocol/basic';
import type { RegistrationResponse } from '../protocol/registration';
import { parseClientsConfig } from './client-config';
import { createClientRegistry } from './clients';
import { DEMO_CLIENTS_CONFIG } from './demo-clients';
import {
  apiGet,
  body,
  formPost,
  getToken,
  makeServer,
  ORIGIN,
  type TestServer,
} from './test-support';

let t: TestServer;
beforeEach(async () => {
  t = await makeServer();
});

const introspect = (token: string, id = 'resource-server', secret = 'resource-secret') =>
  t.server.introspect(
    formPost(
      `token=${encodeURIComponent(token)}`,
      { Authorization: encodeBasicAuthorization(id, secret) },
      '/introspect',
    ),
  );
const revoke = (token: string, id = 'abc', secret = 'xyz') =>
  t.server.revoke(
    formPost(
      `token=${encodeURIComponent(token)}&client_id=${id}&client_secret=${secret}`,
      {},
      '/revoke',
    ),
  );

describe('POST /introspect (RFC 7662)', () => {
  it('shows an active token’s claims', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await introspect(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const json = await body(res);
    expect(json).toMatchObject({
      active: true,
      client_id: 'abc',
      sub: 'abc',
      scope: 'data:read',
      token_type: 'Bearer',
      iss: 'http://flowlab.test',
      aud: 'http://flowlab.test/api',
    });
    expect(Object.keys(json).sort()).toEqual([
      'active',
      'aud',
      'client_id',
      'exp',
      'iat',
      'iss',
      'jti',
      'scope',
      'sub',
      'token_type',
    ]);
    expect(t.events.at(-1)).toMatchObject({
      endpoint: 'introspect',
      clientId: 'resource-server',
      credential: { kind: 'token', value: token },
    });
    expect(t.events.at(-1)!.checks.at(-1)).toMatchObject({ id: 'active', ok: true });
  });

  it('a client may introspect its own token', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    expect(await body(await introspect(token, 'abc', 'xyz'))).toMatchObject({
      active: true,
      client_id: 'abc',
    });
  });

  it('another client’s token -> {"active": false} only (RFC 7662 §4: no token scanning)', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await introspect(token, 'myapp123', 'secret456');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ active: false });
    expect(t.events.at(-1)!.checks.at(-1)).toMatchObject({ id: 'token-owner', ok: false });
  });

  it.each(['garbage', 'a.b.c'])('unknown token %j -> {"active": false} only', async (token) => {
    const res = await introspect(token);
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ active: false });
  });

  it('expired token -> {"active": false}, once the API refuses it too (its 2 s tolerance)', async () => {
    const token = await getToken(t.server, 'short-lived', 'short-secret');
    t.advance(3_000);
    expect((await t.server.api(apiGet(token))).status).toBe(200);
    expect(await body(await introspect(token))).toMatchObject({ active: true });
    t.advance(2_000);
    expect((await t.server.api(apiGet(token))).status).toBe(401);
    expect(await body(await introspect(token))).toEqual({ active: false });
  });

  it('revoked token -> {"active": false}', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    expect((await revoke(token)).status).toBe(200);
    expect(await body(await introspect(token))).toEqual({ active: false });
  });

  it('requires client authentication', async () => {
    const res = await t.server.introspect(formPost('token=x', {}, '/introspect'));
    expect(res.status).toBe(401);
    expect((await body(res)).error).toBe('invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect((await introspect('x', 'myapp123', 'wrong')).status).toBe(401);
  });

  it('missing token -> 400 invalid_request; GET -> 405', async () => {
    const res = await t.server.introspect(
      formPost('', { Authorization: encodeBasicAuthorization('abc', 'xyz') }, '/introspect'),
    );
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_request');
    const get = await t.server.introspect(new Request('http://flowlab.test/introspect'));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('the token in the URL query at /introspect and /revoke', () => {
  it.each([
    ['introspect', (r: Request) => t.server.introspect(r)],
    ['revoke', (r: Request) => t.server.revoke(r)],
  ])('/%s: 400 invalid_request saying the query, as at /token', async (path, send) => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await send(
      formPost(
        '',
        { Authorization: encodeBasicAuthorization('abc', 'xyz') },
        `/${path}?token=${token}`,
      ),
    );
    expect(res.status).toBe(400);
    const json = await body(res);
    expect(json.error).toBe('invalid_request');
    expect(json.error_description).toBe(
      'The request sends token in the URL query, where this server does not read it: send it in the request body, form-encoded (Content-Type: application/x-www-form-urlencoded).',
    );
  });
});

describe('POST /revoke (RFC 7009)', () => {
  it('the owner revokes its token: the API then refuses it', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await revoke(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('');
    expect(
      t.events
        .at(-1)!
        .checks.slice(-2)
        .map((c) => [c.id, c.ok]),
    ).toEqual([
      ['token-owner', true],
      ['revoked', true],
    ]);
    expect((await t.server.api(apiGet(token))).status).toBe(401);
  });

  it('answers 200 for an unknown token', async () => {
    expect((await revoke('nonsense')).status).toBe(200);
  });

  it('another client’s revoke is refused with 400 invalid_request and revokes nothing (RFC 7009 §2.1)', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await revoke(token, 'myapp123', 'secret456');
    expect(res.status).toBe(400);
    expect(await body(res)).toEqual({
      error: 'invalid_request',
      error_description:
        'This token was issued to another client; a client may revoke only its own tokens.',
    });
    expect(t.events.at(-1)!.checks.at(-1)).toMatchObject({ id: 'token-owner', ok: false });
    expect((await t.server.api(apiGet(token))).status).toBe(200);
    expect(t.state.size.revoked).toBe(0);
  });

  it('requires client authentication', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = await revoke(token, 'abc', 'wrong');
    expect(res.status).toBe(401);
    expect((await body(res)).error).toBe('invalid_client');
    expect((await t.server.api(apiGet(token))).status).toBe(200);
  });

  it('a revoked token stays refused past its exp while the API would still accept it', async () => {
    const token = await getToken(t.server, 'short-lived', 'short-secret');
    t.advance(1_500);
    await revoke(token, 'short-lived', 'short-secret');
    t.advance(1_500); // past exp, inside the API's clock tolerance
    expect((await t.server.api(apiGet(token))).status).toBe(401);
    // revoked inside that window too: the revocation is kept, not dropped as already expired
    const late = await getToken(t.server, 'short-lived', 'short-secret');
    t.advance(3_000);
    expect((await revoke(late, 'short-lived', 'short-secret')).status).toBe(200);
    const refused = await t.server.api(apiGet(late));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/revoked/);
  });

  it('a revocation is forgotten once the API would refuse the token anyway (bounded state)', async () => {
    const token = await getToken(t.server, 'short-lived', 'short-secret');
    await revoke(token, 'short-lived', 'short-secret');
    expect(t.state.size.revoked).toBe(1);
    t.advance(5_001);
    expect(await t.state.isRevoked('anything')).toBe(false);
    expect(await t.state.peek('x')).toBeNull();
  });

  /** A server allowing 2 outstanding revocations per client, and a client id + secret of `kind`. */
  async function limitedServer(kind: 'configured' | 'registered'): Promise<[string, string]> {
    if (kind === 'configured') {
      // the lesson client's id with a secret of its own: not a published pair
      const own = { client_id: 'abc', client_secret: 'own-secret', scope: 'data:read' };
      const others = DEMO_CLIENTS_CONFIG.filter((c) => c.client_id !== 'abc');
      t = await makeServer({
        revocationsPerClient: 2,
        clients: createClientRegistry(parseClientsConfig([own, ...others])),
      });
      return ['abc', 'own-secret'];
    }
    t = await makeServer({ revocationsPerClient: 2 });
    const res = await t.server.register(
      new Request(`${ORIGIN}/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token_endpoint_auth_method: 'client_secret_post' }),
      }),
    );
    expect(res.status).toBe(201);
    const r = (await res.json()) as RegistrationResponse;
    return [r.client_id, r.client_secret!];
  }

  it.each(['configured', 'registered'] as const)(
    'past the limit of outstanding revocations, a %s client gets 503 with Retry-After; the token stays valid',
    async (kind) => {
      const [id, secret] = await limitedServer(kind);
      const tokens = [
        await getToken(t.server, id, secret),
        await getToken(t.server, id, secret),
        await getToken(t.server, id, secret),
      ];
      expect((await revoke(tokens[0]!, id, secret)).status).toBe(200);
      t.advance(1_000);
      expect((await revoke(tokens[1]!, id, secret)).status).toBe(200);
      const refused = await revoke(tokens[2]!, id, secret);
      expect(refused.status).toBe(503);
      // the first revocation lapses: its token's exp plus the 2 s tolerance
      expect(refused.headers.get('retry-after')).toBe('3601');
      expect(await body(refused)).toMatchObject({ error: 'temporarily_unavailable' });
      expect(t.events.at(-1)!.checks.at(-1)).toMatchObject({ id: 'revoked', ok: false });
      expect((await t.server.api(apiGet(tokens[2]!))).status).toBe(200);
      expect((await t.server.api(apiGet(tokens[0]!))).status).toBe(401); // still revoked
      expect((await revoke(tokens[2]!, 'myapp123', 'secret456')).status).toBe(400); // not its token
    },
  );

  it('past its limit, a demo client (published secret) drops the revocation expiring soonest instead of a 503', async () => {
    t = await makeServer({ revocationsPerClient: 2 });
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      tokens.push(await getToken(t.server, 'abc', 'xyz'));
      t.advance(1_000); // each token expires a second after the one before
    }
    const [soonest, later, latest] = tokens as [string, string, string];
    expect((await revoke(later)).status).toBe(200);
    expect((await revoke(soonest)).status).toBe(200);
    const res = await revoke(latest);
    expect(res.status).toBe(200);
    expect(t.events.at(-1)!.checks.at(-1)).toMatchObject({
      id: 'revoked',
      ok: true,
      detail: expect.stringMatching(/quota of revocations was full: the one expiring soonest/),
    });
    expect((await t.server.api(apiGet(latest))).status).toBe(401); // the newest is in force
    expect((await t.server.api(apiGet(later))).status).toBe(401);
    expect((await t.server.api(apiGet(soonest))).status).toBe(200); // accepted again until exp
    expect(t.state.size.revoked).toBe(2);
  });
});
