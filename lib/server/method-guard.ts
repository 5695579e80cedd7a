/**
 * The guard in front of Next, at the `node:http` level. It answers requests whose method no
 * FlowLab route takes (TRACE, TRACK, made-up ones) with `405` and `Allow`: Next turns them into a
 * web `Request`, which refuses TRACE and TRACK by throwing, so they would otherwise be a 500 with
 * a logged stack trace and without the security headers. It bounds every request body: because
 * `proxy.ts` runs on every path, Next reads a whole body before any route sees it, so a route's
 * own limit would come only after an endless body had been read; the guard answers `413` as soon
 * as the declared length or the bytes received pass the largest body any route takes, and closes
 * the connection. It bounds the time a request may take to arrive ({@link REQUEST_TIMEOUT_MS}).
 * And it hands the peer's address to the routes ({@link PEER_HEADER}).
 * Installed once per process by `instrumentation.ts`.
 */
import http from 'node:http';
import type net from 'node:net';
import { MAX_BODY_BYTES } from '../oauth/form';
import { securityHeaders } from './response-headers';

/**
 * The header that carries the TCP peer's address to the route handlers (which cannot see the
 * socket): set here on every request, replacing any value a client sent.
 */
export const PEER_HEADER = 'x-flowlab-peer';

/** The methods some FlowLab route takes; every other method is 405 everywhere. */
export const ALLOWED_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
] as const;

/** The largest request body any FlowLab route takes (the token endpoint's and /register's). */
export const MAX_REQUEST_BODY_BYTES = MAX_BODY_BYTES;

/**
 * How long a request's headers and body may take to arrive, against a client that sends them a
 * byte at a time (Node's default is 5 minutes). It does not limit a response, so live streams
 * are not affected. Node checks it every 30 s, so a slow request is cut within 45 s.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * How long a refused connection stays open once its answer is sent, before it is closed. Its
 * client may still be sending the body nobody reads; closing at once would reset the connection
 * and could take the answer with it, so the client would see a broken pipe instead of the 413
 * (RFC 9112 §9.6 asks for this staged close; Go's net/http waits 500 ms the same way).
 */
export const LINGER_MS = 500;

const allowed = new Set<string>(ALLOWED_METHODS);
const GUARD = Symbol.for('flowlab.method-guard');
const TIMED = Symbol.for('flowlab.method-guard.timeouts');

/** Writes an error answer of the guard and closes the connection; the request body is not read. */
function refuse(
  res: http.ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify({ error, error_description: description });
  res.writeHead(status, {
    ...securityHeaders(),
    ...headers,
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  lingerOnClose(res.socket);
  res.end(body);
}

/**
 * Node closes a `Connection: close` answer's socket with `destroySoon()` once the answer is
 * written; this socket half-closes then (the client reads the answer and the end of it) and is
 * destroyed {@link LINGER_MS} later. Nothing more is read meanwhile: what the client still sends
 * waits in the socket's buffers, which stop it once full.
 */
function lingerOnClose(socket: net.Socket | null): void {
  if (!socket) return;
  socket.destroySoon = function (this: net.Socket) {
    this.end();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

/** Writes the 405 for an unsupported method; the request body is not read. */
export function refuseMethod(res: http.ServerResponse, method: string): void {
  refuse(res, 405, 'method_not_allowed', `${method} is not supported.`, {
    Allow: ALLOWED_METHODS.join(', '),
  });
}

function refuseBody(res: http.ServerResponse): void {
  refuse(
    res,
    413,
    'request_too_large',
    `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`,
  );
}

/**
 * Refuses a request whose declared body is too large (then `true`), and otherwise counts the
 * bytes as the HTTP parser hands them over: past the limit, the rest is not read, the answer is
 * `413` (unless a route has answered already) and the connection is closed.
 */
function boundBody(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > MAX_REQUEST_BODY_BYTES) {
    refuseBody(res);
    return true;
  }
  let received = 0;
  const push = req.push;
  req.push = function (this: http.IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    if (chunk !== null && (chunk as { length?: number }).length !== undefined) {
      received += (chunk as { length: number }).length;
      if (received > MAX_REQUEST_BODY_BYTES) {
        req.push = () => false; // false tells the parser to stop reading the socket
        if (!res.headersSent) refuseBody(res);
        else req.socket.destroy();
        return false;
      }
    }
    return Reflect.apply(push, this, [chunk, encoding]) as boolean;
  };
  return false;
}

/** Sets the request timeouts on a server once (Next creates the server, so it is set here). */
function boundTime(server: http.Server & { [TIMED]?: true }): void {
  if (server[TIMED]) return;
  server[TIMED] = true;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(server.headersTimeout, REQUEST_TIMEOUT_MS);
}

/** Hooks every node:http server of this process (idempotent). */
export function installMethodGuard(): void {
  const proto = http.Server.prototype as http.Server & { [GUARD]?: true };
  if (proto[GUARD]) return;
  proto[GUARD] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      boundTime(this);
      if (!allowed.has(req.method ?? '')) {
        refuseMethod(res, req.method ?? '');
        return true;
      }
      if (boundBody(req, res)) return true;
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
