import { describe, expect, it } from 'vitest';
import { toCurl, toRawHttp } from '../protocol/render';
import { buildApiRequest, buildTokenRequest, lessonTokenSettings } from '../protocol/requests';
import { snippet, toJavaScriptFetch, toNode, toPythonRequests } from './snippets';

const base = 'http://127.0.0.1:3000';
const seed = lessonTokenSettings;

describe('snippets', () => {
  const req = buildTokenRequest(seed, base);

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
});
