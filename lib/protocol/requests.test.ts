import { describe, expect, it } from 'vitest';
import {
  buildApiRequest,
  buildIntrospectRequest,
  buildJwksRequest,
  buildRevokeRequest,
  buildTokenRequest,
  lessonTokenSettings,
} from './requests';

const base = 'http://127.0.0.1:3000';
const seed = lessonTokenSettings;

describe('buildTokenRequest', () => {
  it('builds the seed’s body-parameter request', () => {
    const req = buildTokenRequest(seed, base);
    expect(req).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:3000/token',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: 'grant_type=client_credentials&client_id=myapp123&client_secret=secret456',
    });
  });

  it('uses HTTP Basic with form-encoded halves (RFC 6749 §2.3.1)', () => {
    const req = buildTokenRequest(
      { ...seed, authMethod: 'basic', clientId: 'a:b c', clientSecret: 'p&w+' },
      base,
    );
    expect(req.body).toBe('grant_type=client_credentials');
    const auth = req.headers.find(([n]) => n === 'Authorization')?.[1] ?? '';
    expect(atob(auth.replace('Basic ', ''))).toBe('a%3Ab+c:p%26w%2B');
  });

  it('sends both methods, JSON, a scope, or no grant_type when asked', () => {
    const both = buildTokenRequest({ ...seed, authMethod: 'both' }, base);
    expect(both.headers.map(([n]) => n)).toEqual(['Content-Type', 'Authorization']);
    expect(both.body).toContain('client_secret=secret456');
    const asJson = buildTokenRequest({ ...seed, contentType: 'json' }, base);
    expect(asJson.headers[0]).toEqual(['Content-Type', 'application/json']);
    expect(JSON.parse(asJson.body ?? '')).toEqual({
      grant_type: 'client_credentials',
      client_id: 'myapp123',
      client_secret: 'secret456',
    });
    expect(buildTokenRequest({ ...seed, scope: ' data:read data:write ' }, base).body).toBe(
      'grant_type=client_credentials&scope=data%3Aread+data%3Awrite&client_id=myapp123&client_secret=secret456',
    );
    expect(buildTokenRequest({ ...seed, grantType: null }, base).body).toBe(
      'client_id=myapp123&client_secret=secret456',
    );
  });
});

describe('the other builders', () => {
  it('authenticates revocation and introspection with Basic and sends the token as a form', () => {
    const client = { clientId: 'abc', clientSecret: 'xyz' };
    for (const [build, path] of [
      [buildRevokeRequest, '/revoke'],
      [buildIntrospectRequest, '/introspect'],
    ] as const) {
      expect(build('t.o.k', client, base)).toEqual({
        method: 'POST',
        url: `${base}${path}`,
        headers: [
          ['Content-Type', 'application/x-www-form-urlencoded'],
          ['Authorization', `Basic ${btoa('abc:xyz')}`],
        ],
        body: 'token=t.o.k&token_type_hint=access_token',
      });
    }
  });

  it('builds the API and JWKS requests', () => {
    expect(buildApiRequest('t', base).headers).toEqual([['Authorization', 'Bearer t']]);
    expect(buildJwksRequest(base)).toEqual({
      method: 'GET',
      url: `${base}/.well-known/jwks.json`,
      headers: [],
    });
  });
});
