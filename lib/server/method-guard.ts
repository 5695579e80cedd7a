/**
 * Answers requests whose method no FlowLab route takes (TRACE, TRACK, made-up ones) with `405`
 * and `Allow`, before Next sees them: Next turns them into a web `Request`, which refuses TRACE
 * and TRACK by throwing, so they would otherwise be a 500 with a logged stack trace and without
 * the security headers. It also hands the peer's address to the routes ({@link PEER_HEADER}).
 * Installed once per process by `instrumentation.ts`.
 */
import http from 'node:http';
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

const allowed = new Set<string>(ALLOWED_METHODS);
const GUARD = Symbol.for('flowlab.method-guard');

/** Writes the 405 for an unsupported method; the request body is not read. */
export function refuseMethod(res: http.ServerResponse, method: string): void {
  const body = JSON.stringify({
    error: 'method_not_allowed',
    error_description: `${method} is not supported.`,
  });
  res.writeHead(405, {
    ...securityHeaders(),
    Allow: ALLOWED_METHODS.join(', '),
    'Cache-Control': 'no-store',
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  res.end(body);
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
      if (!allowed.has(req.method ?? '')) {
        refuseMethod(res, req.method ?? '');
        return true;
      }
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
