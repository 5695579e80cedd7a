import { describe, expect, it } from 'vitest';
import { MASK, maskCredential, maskSecret, maskToken } from './mask';

describe('maskSecret', () => {
  it('keeps the first two characters and hides the rest and the length', () => {
    expect(maskSecret('xyz')).toBe('xy•••');
    expect(maskSecret('secret456')).toBe('se•••');
    expect(maskSecret('reports-secret-with-a-long-tail')).toBe('re•••');
  });

  it('hides very short secrets completely', () => {
    expect(maskSecret('')).toBe(MASK);
    expect(maskSecret('a')).toBe(MASK);
    expect(maskSecret('ab')).toBe(MASK);
  });

  it('never contains the third character onward', () => {
    const secret = 'portal-secret';
    expect(maskSecret(secret)).not.toContain(secret.slice(2));
  });
});

describe('maskToken', () => {
  const jwt = 'eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJhYmMifQ.c2ln';

  it('keeps the first ten characters followed by an ellipsis', () => {
    expect(maskToken(jwt)).toBe('eyJhbGciOi…');
  });

  it('hides the signature and claims', () => {
    expect(maskToken(jwt)).not.toContain('.');
  });

  it('hides short tokens completely', () => {
    expect(maskToken('token123')).toBe(MASK);
    expect(maskToken('0123456789')).toBe(MASK);
    expect(maskToken('0123456789a')).toBe('0123456789…');
  });
});

describe('maskCredential', () => {
  it('dispatches on the kind', () => {
    expect(maskCredential('secret', 'xyz')).toBe('xy•••');
    expect(maskCredential('token', 'abcdefghijklmnop')).toBe('abcdefghij…');
  });
});
