import { describe, expect, it } from 'vitest';
import {
  decodeBasicAuthorization,
  encodeBasicAuthorization,
  formDecode,
  formEncode,
} from './basic';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('form encoding (RFC 6749 Appendix B)', () => {
  it('encodes and decodes one value', () => {
    expect(formEncode('é ~')).toBe('%C3%A9+%7E');
    expect(formDecode('%C3%A9+%7E')).toBe('é ~');
    expect(formDecode('%zz')).toBeNull();
    expect(formDecode('a+b%2B')).toBe('a b+');
  });
});

describe('encodeBasicAuthorization', () => {
  it('form-encodes each half before base64', () => {
    expect(encodeBasicAuthorization('abc', 'xyz')).toBe(`Basic ${btoa('abc:xyz')}`);
    const header = encodeBasicAuthorization('a:b c', 'p&w+');
    expect(atob(header.replace('Basic ', ''))).toBe('a%3Ab+c:p%26w%2B');
  });
});

describe('decodeBasicAuthorization (RFC 6749 §2.3.1)', () => {
  it('splits at the first colon and form-decodes each half', () => {
    expect(decodeBasicAuthorization(`Basic ${b64('abc:x:y')}`)).toEqual({
      ok: true,
      clientId: 'abc',
      clientSecret: 'x:y',
    });
    expect(decodeBasicAuthorization(`Basic ${b64('my%3Aapp:se+cret%2B')}`)).toEqual({
      ok: true,
      clientId: 'my:app',
      clientSecret: 'se cret+',
    });
  });

  it('takes the scheme case-insensitively and allows an empty secret', () => {
    expect(decodeBasicAuthorization(`bAsIc ${b64('abc:')}`)).toEqual({
      ok: true,
      clientId: 'abc',
      clientSecret: '',
    });
  });

  it('is null for another scheme', () => {
    expect(decodeBasicAuthorization('Bearer abc')).toBeNull();
  });

  it.each([
    ['not-base64', 'Basic !!!'],
    ['not-base64', 'Basic YWJj=x'],
    ['not-base64', 'Basic'],
    ['no-colon', `Basic ${b64('abcxyz')}`],
    ['bad-escape', `Basic ${b64('abc:%zz')}`],
    ['not-utf8', `Basic ${Buffer.from([0xff, 0x3a, 0x41]).toString('base64')}`],
    ['empty-client-id', `Basic ${b64(':xyz')}`],
  ])('reports %s', (problem, header) => {
    expect(decodeBasicAuthorization(header)).toEqual({ ok: false, problem });
  });

  it('round-trips with encodeBasicAuthorization', () => {
    const header = encodeBasicAuthorization('a:b c', 'p%ss+wörd');
    expect(decodeBasicAuthorization(header)).toEqual({
      ok: true,
      clientId: 'a:b c',
      clientSecret: 'p%ss+wörd',
    });
  });
});
