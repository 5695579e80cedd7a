import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_ASSERTION_TYPE,
  assertionClaims,
  isAssertionAlg,
  unsignedClientAssertion,
} from './client-assertion';
import { signClientAssertion } from './sign-client-assertion';

const options = { clientId: 'learner-1', audience: 'http://127.0.0.1:3000', now: 1_000_000 };

describe('client assertions', () => {
  it('names the RFC 7523 assertion type', () => {
    expect(CLIENT_ASSERTION_TYPE).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  });

  it('builds iss = sub = client_id, aud, iat, exp = iat + 60 and a fresh jti', () => {
    const a = assertionClaims(options);
    const b = assertionClaims(options);
    expect(a).toMatchObject({
      iss: 'learner-1',
      sub: 'learner-1',
      aud: 'http://127.0.0.1:3000',
      iat: 1_000_000,
      exp: 1_000_060,
    });
    expect(typeof a.jti).toBe('string');
    expect(a.jti).not.toBe(b.jti);
  });

  it('replaces, removes and adds claims', () => {
    const c = assertionClaims({ ...options, claims: { aud: 'x', exp: undefined, nbf: 5 } });
    expect(c.aud).toBe('x');
    expect('exp' in c).toBe(false);
    expect(c.nbf).toBe(5);
  });

  it('signs with a WebCrypto key, verifiable with the public key, kid in the header', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwt = await signClientAssertion(
      { ...options, now: Math.floor(Date.now() / 1000) },
      { key: privateKey, alg: 'ES256', kid: 'k1', header: { typ: 'JWT' } },
    );
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: 'k1', typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, publicKey, { audience: options.audience });
    expect(payload.sub).toBe('learner-1');
    expect((await exportJWK(publicKey)).kty).toBe('EC');
  });

  it('builds an unsigned alg none assertion with an empty signature', () => {
    const jwt = unsignedClientAssertion(options);
    expect(jwt.endsWith('.')).toBe(true);
    expect(decodeProtectedHeader(jwt).alg).toBe('none');
    expect(decodeJwt(jwt).iss).toBe('learner-1');
  });

  it('allows only asymmetric algorithms', () => {
    for (const alg of ['ES256', 'ES384', 'PS256', 'RS256', 'Ed25519', 'EdDSA'])
      expect(isAssertionAlg(alg)).toBe(true);
    for (const alg of ['none', 'HS256', 'RS512', 1]) expect(isAssertionAlg(alg)).toBe(false);
  });
});
