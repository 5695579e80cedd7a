import { describe, expect, it } from 'vitest';
import { decodeBasicAuthorization, encodeBasicAuthorization } from './client-auth';
import { OAuthError } from './errors';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('decodeBasicAuthorization (RFC 6749 §2.3.1)', () => {
  it('splits at the first colon', () => {
    expect(decodeBasicAuthorization(`Basic ${b64('abc:x:y')}`)).toEqual({
      clientId: 'abc',
      clientSecret: 'x:y',
    });
  });

  it('form-urldecodes each half: %3A in the id is a colon, + is a space', () => {
    expect(decodeBasicAuthorization(`Basic ${b64('my%3Aapp:se+cret%2B')}`)).toEqual({
      clientId: 'my:app',
      clientSecret: 'se cret+',
    });
  });

  it('accepts the scheme in any case and an empty secret', () => {
    expect(decodeBasicAuthorization(`bAsIc ${b64('abc:')}`)).toEqual({
      clientId: 'abc',
      clientSecret: '',
    });
  });

  it('returns null for another scheme', () => {
    expect(decodeBasicAuthorization('Bearer abc')).toBeNull();
  });

  it.each([
    ['bad base64', 'Basic !!!'],
    ['base64 with a bad length', 'Basic YWJj=x'],
    ['no credentials', 'Basic'],
    ['missing colon', `Basic ${b64('abcxyz')}`],
    ['bad percent-escape', `Basic ${b64('abc:%zz')}`],
    ['not UTF-8', `Basic ${Buffer.from([0xff, 0x3a, 0x41]).toString('base64')}`],
    ['empty client id', `Basic ${b64(':xyz')}`],
  ])('rejects %s with invalid_request', (_name, header) => {
    let error: unknown;
    try {
      decodeBasicAuthorization(header);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).code).toBe('invalid_request');
    expect((error as OAuthError).status).toBe(400);
  });

  it('round-trips with encodeBasicAuthorization', () => {
    const header = encodeBasicAuthorization('a:b c', 'p%ss+wörd');
    expect(decodeBasicAuthorization(header)).toEqual({
      clientId: 'a:b c',
      clientSecret: 'p%ss+wörd',
    });
  });
});
