/**
 * Code generated from a request record: a Python `requests` program, JavaScript `fetch` and Node,
 * beside the raw HTTP message and curl line of `lib/protocol/render`. All of them say exactly what
 * the record says, so what the learner copies is what FlowLab sends.
 */
import { headerValue, type HttpRequestRecord } from '../protocol/records';
import { byteLength, toCurl, toRawHttp } from '../protocol/render';
import { TOKEN_PATH } from '../protocol/paths';
import { FORM_CONTENT_TYPE } from '../protocol/requests';

/** A double-quoted string literal valid in Python and JavaScript. */
function quote(value: string): string {
  return JSON.stringify(value);
}

/** The form fields of a body, when it is a form body whose names are all distinct. */
function formFields(request: HttpRequestRecord): [string, string][] | null {
  if (request.body === undefined) return null;
  if (headerValue(request.headers, 'content-type') !== FORM_CONTENT_TYPE) return null;
  const fields = [...new URLSearchParams(request.body)];
  const names = fields.map(([n]) => n);
  if (new Set(names).size !== names.length) return null;
  // Only when re-encoding gives back the same bytes, so the snippet sends what the record says.
  if (new URLSearchParams(fields).toString() !== request.body) return null;
  return fields;
}

function pythonDict(entries: readonly (readonly [string, string])[], indent = '    '): string {
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}${quote(k)}: ${quote(v)},`).join('\n')}\n}`;
}

/**
 * What the Python program prints: for a token request, what the lesson's sample program prints
 * (`Access token: …` on 200, `Failed to get token: <status>` otherwise); else status and body.
 */
function pythonOutput(request: HttpRequestRecord): string[] {
  if (new URL(request.url).pathname !== TOKEN_PATH)
    return ['print(response.status_code)', 'print(response.text)'];
  return [
    'if response.status_code == 200:',
    '    token_info = response.json()',
    `    print(f"Access token: {token_info['access_token']}")`,
    'else:',
    '    print(f"Failed to get token: {response.status_code}")',
  ];
}

/** A small Python program using `requests` that sends the same request and prints the answer. */
export function toPythonRequests(request: HttpRequestRecord): string {
  const fields = formFields(request);
  // requests sets the form Content-Type itself when `data` is a dict.
  const headers = request.headers.filter(([n]) => !(fields && n.toLowerCase() === 'content-type'));
  const lines = ['import requests', '', `url = ${quote(request.url)}`];
  const args = ['url'];
  if (headers.length > 0) {
    lines.push(`headers = ${pythonDict(headers)}`);
    args.push('headers=headers');
  }
  if (fields) {
    lines.push(`data = ${pythonDict(fields)}`);
    args.push('data=data');
  } else if (request.body !== undefined) {
    lines.push(`data = ${quote(request.body)}`);
    args.push('data=data');
  }
  lines.push(
    '',
    `response = requests.${request.method.toLowerCase()}(${args.join(', ')})`,
    '',
    ...pythonOutput(request),
  );
  return lines.join('\n');
}

function jsObject(entries: readonly (readonly [string, string])[], indent: string): string {
  if (entries.length === 0) return '{}';
  const inner = entries.map(([k, v]) => `${indent}  ${quote(k)}: ${quote(v)},`).join('\n');
  return `{\n${inner}\n${indent}}`;
}

/** JavaScript `fetch` (browser, Deno or Node 18+) sending the same request. */
export function toJavaScriptFetch(request: HttpRequestRecord): string {
  const fields = formFields(request);
  const init = [`  method: ${quote(request.method)},`];
  if (request.headers.length > 0) init.push(`  headers: ${jsObject(request.headers, '  ')},`);
  if (fields) init.push(`  body: new URLSearchParams(${jsObject(fields, '  ')}),`);
  else if (request.body !== undefined) init.push(`  body: ${quote(request.body)},`);
  return [
    `const response = await fetch(${quote(request.url)}, {`,
    ...init,
    '});',
    '',
    'console.log(response.status, await response.text());',
  ].join('\n');
}

/** A Node program with the built-in `node:http` / `node:https` module, no dependencies. */
export function toNode(request: HttpRequestRecord): string {
  const moduleName = new URL(request.url).protocol === 'https:' ? 'node:https' : 'node:http';
  const headers: (readonly [string, string])[] = [...request.headers];
  const lines = [`import { request } from '${moduleName}';`, ''];
  if (request.body !== undefined) {
    lines.push(`const body = ${quote(request.body)};`);
    headers.push(['Content-Length', String(byteLength(request.body))]);
  }
  lines.push(
    '',
    'const req = request(',
    `  ${quote(request.url)},`,
    `  { method: ${quote(request.method)}, headers: ${jsObject(headers, '  ')} },`,
    '  (res) => {',
    "    let text = '';",
    "    res.setEncoding('utf8');",
    "    res.on('data', (chunk) => (text += chunk));",
    "    res.on('end', () => console.log(res.statusCode, text));",
    '  },',
    ');',
    "req.on('error', (err) => console.error(err));",
    request.body !== undefined ? 'req.end(body);' : 'req.end();',
  );
  return lines.join('\n');
}

/** Every snippet kind the syntax-and-examples mode offers, by id. */
export const snippetKinds = ['http', 'curl', 'python', 'javascript', 'node'] as const;
/** A snippet kind: `http`, `curl`, `python`, `javascript` or `node`. */
export type SnippetKind = (typeof snippetKinds)[number];

/** One snippet of the given kind for a request. */
export function snippet(kind: SnippetKind, request: HttpRequestRecord): string {
  switch (kind) {
    case 'http':
      return toRawHttp(request);
    case 'curl':
      return toCurl(request);
    case 'python':
      return toPythonRequests(request);
    case 'javascript':
      return toJavaScriptFetch(request);
    case 'node':
      return toNode(request);
  }
}
