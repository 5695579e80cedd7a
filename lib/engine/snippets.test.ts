import { describe, expect, it } from 'vitest';
import {
  basicAuthorization,
  buildApiRequest,
  buildTokenRequest,
  formEncode,
  type TokenRequestSettings,
} from './requests';
import {
  snippet,
  toCurl,
  toJavaScriptFetch,
  toNode,
  toPythonRequests,
  toRawHttp,
  toRawHttpResponse,
} from './snippets';

const base = 'http://127.0.0.1:3000';
const seed: TokenRequestSettings = {
  clientId: 'myapp123',
  clientSecret: 'secret456',
  scope: '',
  authMethod: 'body',
  contentType: 'form',
  grantType: 'client_credentials',
};

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
    expect(basicAuthorization('abc', 'xyz')).toBe(`Basic ${btoa('abc:xyz')}`);
    expect(formEncode('é ~')).toBe('%C3%A9+%7E');
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

describe('snippets', () => {
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

  it('writes a Python requests program with a data dict', () => {
    const py = toPythonRequests(req);
    expect(py).toContain('import requests');
    expect(py).toContain('url = "http://127.0.0.1:3000/token"');
    expect(py).toContain(
      'data = {\n    "grant_type": "client_credentials",\n    "client_id": "myapp123",\n    "client_secret": "secret456",\n}',
    );
    expect(py).toContain('response = requests.post(url, data=data)');
    expect(py).not.toContain('Content-Type');
    // The token request prints what the lesson's sample program prints.
    expect(py).toMatch(
      /\n\nif response\.status_code == 200:\n {4}token_info = response\.json\(\)\n {4}print\(f"Access token: \{token_info\['access_token'\]\}"\)\nelse:\n {4}print\(f"Failed to get token: \{response\.status_code\}"\)$/,
    );
    expect(py).not.toContain('print(response.text)');
    const pyGet = toPythonRequests(buildApiRequest('tok', base));
    expect(pyGet).toContain('headers = {\n    "Authorization": "Bearer tok",\n}');
    expect(pyGet).toContain('requests.get(url, headers=headers)');
    expect(pyGet).toMatch(/print\(response\.status_code\)\nprint\(response\.text\)$/);
    expect(pyGet).not.toContain('Access token');
    const pyJson = toPythonRequests(buildTokenRequest({ ...seed, contentType: 'json' }, base));
    expect(pyJson).toContain('"Content-Type": "application/json"');
    expect(pyJson).toContain('data = "{\\"grant_type\\"');
  });

  it('writes JavaScript fetch and Node programs', () => {
    const js = toJavaScriptFetch(req);
    expect(js).toContain('await fetch("http://127.0.0.1:3000/token", {');
    expect(js).toContain('method: "POST"');
    expect(js).toContain('body: new URLSearchParams({');
    expect(js).toContain('"client_secret": "secret456"');
    const node = toNode(req);
    expect(node).toContain("import { request } from 'node:http';");
    expect(node).toContain('"Content-Length": "72"');
    expect(node).toContain('req.end(body);');
    expect(toNode({ ...buildApiRequest('t', 'https://as.example') })).toContain(
      "from 'node:https'",
    );
  });

  it('dispatches by kind', () => {
    expect(snippet('curl', req)).toBe(toCurl(req));
    expect(snippet('http', req)).toBe(toRawHttp(req));
    expect(snippet('python', req)).toBe(toPythonRequests(req));
    expect(snippet('javascript', req)).toBe(toJavaScriptFetch(req));
    expect(snippet('node', req)).toBe(toNode(req));
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
