/**
 * Serves the auth core with bare `node:http` (no framework): `npm run auth-server` runs FlowLab's
 * authorization server and API standalone this way, and `npm run bench` measures it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from './form';
import { attachRawBody, responseText } from './raw-body';
import { ROUTES, type AuthServer } from './server';

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
      const route = (ROUTES as Record<string, (typeof ROUTES)[keyof typeof ROUTES]>)[url.pathname];
      if (!route) {
        send(
          res,
          404,
          JSON.stringify({ error: 'not_found', error_description: `No route ${url.pathname}.` }),
        );
        return;
      }
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
      let body: Buffer | null = null;
      if (method !== 'GET' && method !== 'HEAD') {
        // read one byte over the limit so the core sees an oversized body and answers 413
        body = await readRaw(req, MAX_BODY_BYTES + 1).catch(() => null);
        if (body === null) body = Buffer.alloc(MAX_BODY_BYTES + 1);
      }
      // the body is already buffered: attach it instead of wrapping it in a stream again
      const request = new Request(url, { method, headers });
      if (body !== null) attachRawBody(request, body);
      const response = await server[route](request);
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        out[name] = value;
      });
      const text = responseText(response);
      const payload =
        method === 'HEAD'
          ? ''
          : text !== undefined
            ? text
            : Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, out);
      res.end(payload);
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
