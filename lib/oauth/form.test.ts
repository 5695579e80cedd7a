import { describe, expect, it } from 'vitest';
import { OAuthError } from './errors';
import { isFormContentType, parseForm, readBody } from './form';

describe('parseForm', () => {
  it('decodes + as space and percent-escapes as UTF-8', () => {
    const p = parseForm('scope=b+c&client_id=%C3%A9%3D&token');
    expect(p.get('scope')).toBe('b c');
    expect(p.get('client_id')).toBe('é=');
    expect(p.has('token')).toBe(false); // no value = omitted (RFC 6749 §3.1)
  });

  it('treats parameters sent without a value as omitted, also next to a sending with one', () => {
    expect(parseForm('scope=&grant_type=client_credentials').has('scope')).toBe(false);
    expect(parseForm('scope=&scope=data:read').get('scope')).toBe('data:read');
    expect(parseForm('scope=data:read&scope').get('scope')).toBe('data:read');
  });

  it('rejects a repeated parameter with invalid_request', () => {
    expect(() => parseForm('grant_type=a&grant_type=b')).toThrowError(OAuthError);
    expect(() => parseForm('scope=x&grant_type=a&scope=x')).toThrowError(
      expect.objectContaining({
        code: 'invalid_request',
        status: 400,
        description: 'The scope parameter is sent more than once.',
      }),
    );
  });

  it('ignores parameters it does not read, sent twice or not (RFC 6749 §3.2)', () => {
    const p = parseForm('grant_type=client_credentials&x=1&x=2&utm_source=docs');
    expect([...p]).toEqual([['grant_type', 'client_credentials']]);
    // a malformed escape is still malformed, whatever the parameter
    expect(() => parseForm('grant_type=client_credentials&x=%zz')).toThrowError(/percent-escape/);
  });

  it.each(['a=%', 'a=%zz', 'a=%C3', '%=1'])('rejects the malformed escape in %j', (body) => {
    expect(() => parseForm(body)).toThrowError(/percent-escape/);
  });
});

describe('isFormContentType', () => {
  it.each([
    ['application/x-www-form-urlencoded', true],
    ['Application/X-WWW-Form-Urlencoded; charset=UTF-8', true],
    ['application/json', false],
    ['multipart/form-data; boundary=x', false],
    ['text/plain', false],
    [null, false],
  ] as const)('%s -> %s', (ct, ok) => {
    expect(isFormContentType(ct)).toBe(ok);
  });
});

describe('readBody', () => {
  it('refuses a body over the limit with 413', async () => {
    const r = new Request('http://x/', { method: 'POST', body: 'a'.repeat(100) });
    await expect(readBody(r, 10)).rejects.toMatchObject({ code: 'request_too_large', status: 413 });
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const r = new Request('http://x/', {
      method: 'POST',
      body: 'abc',
      headers: { 'content-length': '999999' },
    });
    await expect(readBody(r, 10)).rejects.toMatchObject({ status: 413 });
  });

  it('refuses bytes that are not UTF-8', async () => {
    const r = new Request('http://x/', {
      method: 'POST',
      body: new Uint8Array([0xff, 0xfe, 0x00]),
    });
    await expect(readBody(r)).rejects.toMatchObject({ code: 'invalid_request', status: 400 });
  });
});

describe('readBody with an adapter-buffered body', () => {
  it('reads the buffered bytes and still enforces the limit', async () => {
    const request = (bufferedBody: Uint8Array) => ({
      method: 'POST',
      url: 'http://x/',
      headers: new Headers(),
      body: null,
      bufferedBody,
    });
    expect(await readBody(request(new TextEncoder().encode('a=1')))).toBe('a=1');
    await expect(readBody(request(new Uint8Array(20)), 10)).rejects.toMatchObject({ status: 413 });
  });
});
