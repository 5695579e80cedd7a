import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { algsForKey, candidateKeys, jwksImports, parsePublicJwks } from './jwks';

describe('registered jwks', () => {
  it('keeps only the public members of valid keys, of every accepted type', async () => {
    const keys = await Promise.all(
      (['ES256', 'ES384', 'EdDSA', 'RS256'] as const).map(async (alg) => ({
        ...(await exportJWK((await generateKeyPair(alg, { extractable: true })).publicKey)),
        kid: alg,
        ext: true,
        key_ops: ['verify'],
      })),
    );
    const parsed = parsePublicJwks({ keys });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.jwks.keys.every((k) => !('ext' in k) && !('key_ops' in k))).toBe(true);
    expect(await jwksImports(parsed.jwks)).toBe(true);
    expect(parsed.jwks.keys.map((k) => algsForKey(k))).toEqual([
      ['ES256'],
      ['ES384'],
      ['Ed25519', 'EdDSA'],
      ['RS256', 'PS256'],
    ]);
  });

  it.each([
    [null, 'must be an object'],
    [{ keys: [] }, '1 to 5 keys'],
    [{ keys: [{ kty: 'EC', crv: 'P-521', x: 'AA', y: 'AA' }] }, 'P-256 or P-384'],
    [{ keys: [{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }] }, 'x and y of 32 bytes'],
    [{ keys: [{ kty: 'OKP', crv: 'X25519', x: 'AA' }] }, 'other than Ed25519'],
    [{ keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), use: 'enc' }] }, 'use other'],
    [{ keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), alg: 'ES256' }] }, 'an alg its key'],
    [
      {
        keys: [
          { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'a' },
          { kty: 'OKP', crv: 'Ed25519', x: 'B'.repeat(43), kid: 'a' },
        ],
      },
      'kid is used twice',
    ],
  ])('refuses %j naming the problem', (value, problem) => {
    const parsed = parsePublicJwks(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });

  it('chooses by kid when the header names one, else by the algorithm', () => {
    const ed = { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'ed' };
    const ec = { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43), kid: 'ec' };
    const jwks = { keys: [ed, ec] };
    expect(candidateKeys(jwks, 'EdDSA', undefined)).toEqual([ed]);
    expect(candidateKeys(jwks, 'ES256', 'ec')).toEqual([ec]);
    expect(candidateKeys(jwks, 'ES256', 'ed')).toEqual([]);
    expect(candidateKeys(jwks, 'ES384', undefined)).toEqual([]);
  });
});
