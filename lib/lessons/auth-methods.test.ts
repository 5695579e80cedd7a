import { describe, expect, it } from 'vitest';
import { REGISTRATION_AUTH_METHODS } from '../protocol/registration';
import { DEFAULT_ASSERTION_LIFETIME } from '../protocol/client-assertion';
import { authMethodComparison, comparedMethodIds, threatIds } from './auth-methods';

describe('side-by-side content', () => {
  it('covers every method a client can register with, and every threat, once and in order', () => {
    expect([...comparedMethodIds].sort()).toEqual([...REGISTRATION_AUTH_METHODS].sort());
    expect(authMethodComparison.methods.map((m) => m.id)).toEqual([...comparedMethodIds]);
    expect(authMethodComparison.threats.map((t) => t.id)).toEqual([...threatIds]);
  });

  it('states what the RFCs say, citing them', () => {
    const [basic, post, jwt] = authMethodComparison.methods;
    expect(basic?.sends).toContain('MUST support'); // RFC 6749 §2.3.1
    expect(post?.sends).toContain('NOT RECOMMENDED'); // RFC 6749 §2.3.1
    expect(jwt?.sends).toContain('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    for (const m of authMethodComparison.methods)
      for (const s of m.sources) expect(s.url).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\//);
    expect(jwt?.sources.map((s) => s.label)).toContain('RFC 9700 §2.5');
  });

  it('only the key method protects, and says why in terms the server enforces', () => {
    for (const id of comparedMethodIds)
      for (const threat of threatIds)
        expect(authMethodComparison.verdicts[id][threat].protects).toBe(id === 'private_key_jwt');
    // "lives a minute" is the assertion lifetime the browser signs with.
    expect(DEFAULT_ASSERTION_LIFETIME).toBe(60);
    expect(authMethodComparison.verdicts.private_key_jwt.replay.why).toContain('invalid_client');
  });
});
