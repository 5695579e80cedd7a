import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, type JWK } from 'jose';
import type { EngineDeps } from './http';

/**
 * A small stand-in for FlowLab's authorization server and API, for engine unit tests: it follows
 * the same contract (status codes, error codes, ES256 JWTs, JWKS, revocation) with a fake clock.
 * The real core is exercised in real-server.test.ts.
 */

const clients: Record<string, { secret: string; scope: string; ttl: number; grant: boolean }> = {
  abc: { secret: 'xyz', scope: 'data:read', ttl: 3600, grant: true },
  'reporting-bot': { secret: 'reports-secret', scope: 'reports:read', ttl: 3600, grant: true },
  'short-lived': { secret: 'short-secret', scope: 'data:read', ttl: 2, grant: true },
  'legacy-portal': { secret: 'portal-secret', scope: 'data:read', ttl: 3600, grant: false },
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export interface FakeServer {
  readonly deps: EngineDeps;
  readonly requests: Request[];
  /** Current fake time, epoch ms. */
  now(): number;
}

export async function createFakeServer(start = Date.UTC(2030, 0, 1)): Promise<FakeServer> {
  let clock = start;
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const revoked = new Set<string>();
  const requests: Request[] = [];
  const base = 'http://fake.test';

  function authenticate(req: Request, form: URLSearchParams): string | Response {
    const basic = req.headers.get('authorization');
    const inBody = form.has('client_id');
    if (basic && inBody)
      return json(400, { error: 'invalid_request', error_description: 'two methods' });
    let id = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    if (basic) {
      const [i = '', s = ''] = atob(basic.replace(/^Basic /, '')).split(':');
      id = decodeURIComponent(i);
      secret = decodeURIComponent(s);
    }
    const client = clients[id];
    if (!client || client.secret !== secret) {
      return json(
        401,
        { error: 'invalid_client', error_description: 'bad client' },
        { 'www-authenticate': 'Basic realm="x"' },
      );
    }
    return id;
  }

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname === '/.well-known/jwks.json') return json(200, { keys: [jwk] });
    if (url.pathname === '/token' || url.pathname === '/revoke') {
      if (req.headers.get('content-type') !== 'application/x-www-form-urlencoded') {
        return json(400, { error: 'invalid_request', error_description: 'form only' });
      }
      const form = new URLSearchParams(await req.text());
      const who = authenticate(req, form);
      if (who instanceof Response) return who;
      if (url.pathname === '/revoke') {
        revoked.add(form.get('token') ?? '');
        return new Response(null, { status: 200 });
      }
      const grant = form.get('grant_type');
      if (!grant)
        return json(400, { error: 'invalid_request', error_description: 'grant_type missing' });
      if (grant !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
      const client = clients[who]!;
      if (!client.grant) return json(400, { error: 'unauthorized_client' });
      const iat = Math.floor(clock / 1000);
      const token = await new SignJWT({ client_id: who, scope: client.scope })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'k1' })
        .setIssuer(base)
        .setSubject(who)
        .setAudience(`${base}/api`)
        .setIssuedAt(iat)
        .setExpirationTime(iat + client.ttl)
        .setJti(crypto.randomUUID())
        .sign(privateKey);
      return json(200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: client.ttl,
        scope: client.scope,
      });
    }
    if (url.pathname === '/api/data') {
      const token = (req.headers.get('authorization') ?? '').replace(/^Bearer /, '');
      const invalid = (d: string) =>
        json(
          401,
          { error: 'invalid_token', error_description: d },
          { 'www-authenticate': `Bearer error="invalid_token", error_description="${d}"` },
        );
      try {
        const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [jwk] }), {
          currentDate: new Date(clock),
          clockTolerance: 2,
        });
        if (revoked.has(token)) return invalid('revoked');
        if (!String(payload.scope).split(' ').includes('data:read')) {
          return json(
            403,
            { error: 'insufficient_scope' },
            { 'www-authenticate': 'Bearer error="insufficient_scope", scope="data:read"' },
          );
        }
        return json(200, { message: 'API response data', client_id: payload.client_id });
      } catch (e) {
        return invalid(e instanceof Error ? e.message : 'bad token');
      }
    }
    return json(404, { error: 'not_found' });
  }

  const deps: EngineDeps = {
    baseUrl: base,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    fetch: async (input, init) => {
      const req = new Request(input, init);
      requests.push(req.clone());
      return handle(req);
    },
  };
  return { deps, requests, now: () => clock };
}
