import { describe, expect, it } from 'vitest';
import {
  buildApiRequest,
  buildClockRequest,
  buildRegisterRequest,
  buildRegistrationRequest,
  buildSecretRotationRequest,
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

describe('private_key_jwt token requests (RFC 7523 §2.2)', () => {
  const jwt = 'h.p.s';
  it('sends client_id, the assertion type and the assertion, no secret, no Basic', () => {
    const req = buildTokenRequest(
      { ...seed, authMethod: 'private_key_jwt', clientAssertion: jwt },
      base,
    );
    expect(req.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'myapp123',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt,
    });
  });

  it('can leave the type out, send another, or add a secret (two methods)', () => {
    const s = { ...seed, authMethod: 'private_key_jwt', clientAssertion: jwt } as const;
    const params = (over: object) =>
      new URLSearchParams(buildTokenRequest({ ...s, ...over }, base).body);
    expect(params({ clientAssertionType: null }).has('client_assertion_type')).toBe(false);
    expect(params({ clientAssertionType: 'x' }).get('client_assertion_type')).toBe('x');
    expect(params({ assertionWithSecret: true }).get('client_secret')).toBe('secret456');
  });

  it('authenticates introspection with an assertion in the body', () => {
    const req = buildIntrospectRequest('t', { clientId: 'c', clientAssertion: jwt }, base);
    expect(req.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
    expect(new URLSearchParams(req.body).get('client_assertion')).toBe(jwt);
  });
});

describe('registration builders (RFC 7591, RFC 7592)', () => {
  const handle = { clientId: 'learner-x', registrationAccessToken: 'rat' };
  it('registers with a JSON body', () => {
    const req = buildRegisterRequest({ token_endpoint_auth_method: 'client_secret_basic' }, base);
    expect(req).toEqual({
      method: 'POST',
      url: `${base}/register`,
      headers: [['Content-Type', 'application/json']],
      body: '{"token_endpoint_auth_method":"client_secret_basic"}',
    });
  });

  it('reads, deletes, rotates and sets the clock with the registration token', () => {
    const auth = ['Authorization', 'Bearer rat'];
    expect(buildRegistrationRequest('GET', handle, base)).toEqual({
      method: 'GET',
      url: `${base}/register/learner-x`,
      headers: [auth],
    });
    expect(buildRegistrationRequest('DELETE', handle, base).method).toBe('DELETE');
    expect(buildSecretRotationRequest(handle, base).url).toBe(`${base}/register/learner-x/secret`);
    expect(buildClockRequest(handle, 120, base)).toEqual({
      method: 'PUT',
      url: `${base}/register/learner-x/clock`,
      headers: [['Content-Type', 'application/json'], auth],
      body: '{"clock_offset_seconds":120}',
    });
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
