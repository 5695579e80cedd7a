import { describe, expect, it } from 'vitest';
import { toCurl, toRawHttp, toRawHttpResponse } from './render';
import { buildApiRequest, buildTokenRequest, lessonTokenSettings } from './requests';

const base = 'http://127.0.0.1:3000';
const seed = lessonTokenSettings;

describe('render', () => {
  const req = buildTokenRequest(seed, base);

  it('prints the raw HTTP message with Host and Content-Length', () => {
    expect(toRawHttp(req)).toBe(
      [
        'POST /token HTTP/1.1',
        'Host: 127.0.0.1:3000',
        'Content-Type: application/x-www-form-urlencoded',
        'Content-Length: 72',
        '',
        'grant_type=client_credentials&client_id=myapp123&client_secret=secret456',
      ].join('\n'),
    );
    expect(toRawHttp(buildApiRequest('eyJ.a.b', base))).toBe(
      'GET /api/data HTTP/1.1\nHost: 127.0.0.1:3000\nAuthorization: Bearer eyJ.a.b\n',
    );
  });

  it('prints a curl line matching the seed’s, host swapped', () => {
    expect(toCurl(req)).toBe(
      [
        'curl -X POST http://127.0.0.1:3000/token \\',
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        "  -d 'grant_type=client_credentials&client_id=myapp123&client_secret=secret456'",
      ].join('\n'),
    );
    expect(toCurl(buildApiRequest('t', base))).toBe(
      "curl http://127.0.0.1:3000/api/data \\\n  -H 'Authorization: Bearer t'",
    );
  });

  it('joins curl parts with the separator asked for', () => {
    expect(toCurl(buildApiRequest('t', base), ' ')).toBe(
      "curl http://127.0.0.1:3000/api/data -H 'Authorization: Bearer t'",
    );
  });

  it('quotes shell-dangerous characters', () => {
    const tricky = buildTokenRequest({ ...seed, clientSecret: "it's" }, base);
    expect(toCurl(tricky)).toContain(
      `-d 'grant_type=client_credentials&client_id=myapp123&client_secret=it%27s'`,
    );
    const json = buildTokenRequest({ ...seed, contentType: 'json', clientSecret: "o'k" }, base);
    expect(toCurl(json)).toContain(
      `'{"grant_type":"client_credentials","client_id":"myapp123","client_secret":"o'\\''k"}'`,
    );
  });

  it('prints a response as text', () => {
    expect(
      toRawHttpResponse({
        status: 401,
        statusText: 'Unauthorized',
        headers: [['content-type', 'application/json']],
        body: '{}',
      }),
    ).toBe('HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{}');
  });
});
