import { base64url as joseBase64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, decodeJsonPart } from './base64url';

describe('base64url', () => {
  it('uses the URL-safe alphabet without padding', () => {
    expect(base64urlEncode(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64urlEncode('')).toBe('');
    expect(base64urlEncode('{"alg":"none"}')).toBe('eyJhbGciOiJub25lIn0');
  });

  it('encodes strings as UTF-8, as jose does', () => {
    const text = '{"sub":"café ✓"}';
    expect(base64urlEncode(text)).toBe(joseBase64url.encode(text));
  });

  it('decodes what it encodes, for every length', () => {
    for (let n = 0; n < 40; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = base64urlEncode(bytes);
      expect(text).toBe(joseBase64url.encode(bytes));
      expect(base64urlDecode(text)).toEqual(bytes);
    }
  });

  it('refuses text that is not base64url', () => {
    for (const bad of ['a', 'ab=', 'a+b/', 'ab cd', 'abcde', 'é']) {
      expect(() => base64urlDecode(bad), bad).toThrow(TypeError);
    }
  });

  it('reads a JWT part as the JSON object it holds, and nothing else', () => {
    expect(decodeJsonPart(base64urlEncode('{"alg":"ES256"}'))).toEqual({ alg: 'ES256' });
    for (const bad of [
      base64urlEncode('[1]'),
      base64urlEncode('"x"'),
      base64urlEncode('{'),
      'a+b',
    ]) {
      expect(decodeJsonPart(bad), bad).toBeNull();
    }
    // a caller's own decoder (the server passes jose's)
    expect(decodeJsonPart('e30', (t) => joseBase64url.decode(t))).toEqual({});
  });
});
