/**
 * Serves the auth core with bare `node:http` (no framework): `npm run auth-server` runs FlowLab's
 * authorization server and API standalone this way, and `npm run bench` measures it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from './form';
import type { CoreRequest } from './http';
import { ROUTES, type AuthServer, type RouteName } from './server';

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () =>
      resolve(size > limit ? null : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/** A `node:http` request listener that routes FlowLab's paths to the core's handlers. */
export function createNodeListener(
  server: AuthServer,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      } catch {
        send(
          res,
          400,
          JSON.stringify({
            error: 'invalid_request',
            error_description: 'Bad Host header or URL.',
          }),
        );
        return;
      }
      const route = (ROUTES as Record<string, RouteName>)[url.pathname];
      if (!route) {
        send(
          res,
          404,
          JSON.stringify({ error: 'not_found', error_description: `No route ${url.pathname}.` }),
        );
        return;
      }
      // node has already parsed the headers: read them through a plain `get` (repeated fields
      // joined with ", " as a web `Headers` would) instead of copying them into a `Headers`
      const distinct = req.headersDistinct;
      const headers = {
        get(name: string): string | null {
          const values = distinct[name.toLowerCase()];
          return values === undefined ? null : values.join(', ');
        },
      };
      let bufferedBody: Buffer | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        // read one byte over the limit so the core sees an oversized body and answers 413
        bufferedBody =
          (await readRaw(req, MAX_BODY_BYTES + 1).catch(() => null)) ??
          Buffer.alloc(MAX_BODY_BYTES + 1);
      }
      // the body is already buffered: no `Request` and no body stream to build
      const request: CoreRequest = { method, url: url.href, headers, body: null, bufferedBody };
      const response = await server.core[route](request);
      res.writeHead(response.status, response.headers);
      res.end(method === 'HEAD' ? '' : response.body);
    })().catch((e: unknown) => {
      if (!res.headersSent)
        send(res, 500, JSON.stringify({ error: 'server_error', error_description: String(e) }));
      else res.destroy();
    });
  };
}

/** Starts a `node:http` server for the core on `host:port` (port 0 = any free port). */
export function listen(server: AuthServer, port: number, host = '127.0.0.1'): Promise<Server> {
  const http = createServer(createNodeListener(server));
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve(http));
  });
}
