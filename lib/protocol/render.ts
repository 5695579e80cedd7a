/**
 * A request record rendered as text: the HTTP/1.1 message and a curl line. Both say exactly what
 * the record says, so what the learner reads or copies is what FlowLab sends.
 */
import {
  requestTarget,
  type HeaderPair,
  type HttpRequestRecord,
  type HttpResponseRecord,
} from './records';

/** The UTF-8 length of a body, as Content-Length counts it. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Single-quotes a word for a POSIX shell (left bare when it needs no quoting). */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Header fields one a line, `Name: value`, as HTTP/1.1 text writes them (and the sandbox edits them). */
export function headerLines(headers: readonly HeaderPair[]): string[] {
  return headers.map(([name, value]) => `${name}: ${value}`);
}

/**
 * The request as it travels on an HTTP/1.1 connection: request line, Host, headers,
 * Content-Length, blank line, body.
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-3
 */
export function toRawHttp(request: HttpRequestRecord): string {
  const url = new URL(request.url);
  const lines = [
    `${request.method} ${requestTarget(request.url)} HTTP/1.1`,
    `Host: ${url.host}`,
    ...headerLines(request.headers),
  ];
  if (request.body !== undefined) lines.push(`Content-Length: ${byteLength(request.body)}`);
  const head = lines.join('\n');
  return request.body === undefined ? `${head}\n` : `${head}\n\n${request.body}`;
}

/**
 * A response as received, in HTTP/1.1 text form (status line, headers, blank line, body).
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-4
 */
export function toRawHttpResponse(response: HttpResponseRecord): string {
  return `${toRawHttpResponseHead(response)}\n\n${response.body}`;
}

/** A response's status line and headers, as {@link toRawHttpResponse} writes them before the body. */
export function toRawHttpResponseHead(response: HttpResponseRecord): string {
  const status = `HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd();
  return [status, ...headerLines(response.headers)].join('\n');
}

/** A curl command that sends the same request; `separator` joins its parts (a line break by default). */
export function toCurl(request: HttpRequestRecord, separator = ' \\\n  '): string {
  const first = ['curl'];
  if (request.method !== 'GET' || request.body !== undefined) first.push(`-X ${request.method}`);
  first.push(shellQuote(request.url));
  const parts = [first.join(' ')];
  for (const [name, value] of request.headers) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) {
    const flag = request.body.startsWith('@') ? '--data-raw' : '-d';
    parts.push(`${flag} ${shellQuote(request.body)}`);
  }
  return parts.join(separator);
}
