import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { installMethodGuard, PEER_HEADER } from './method-guard';

installMethodGuard();
installMethodGuard(); // idempotent
const server = http.createServer((req, res) =>
  res.end(req.url === '/peer' ? String(req.headers[PEER_HEADER]) : 'route'),
);
const listening = new Promise<number>((resolve) =>
  server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(
  method: string,
): Promise<{ status: number; allow?: string; nosniff?: string; body: string }> {
  return listening.then(
    (port) =>
      new Promise((resolve, reject) => {
        const req = http.request({ port, host: '127.0.0.1', method, path: '/api/rooms' }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ...(res.headers.allow ? { allow: res.headers.allow } : {}),
              ...(res.headers['x-content-type-options']
                ? { nosniff: String(res.headers['x-content-type-options']) }
                : {}),
              body,
            }),
          );
        });
        req.on('error', reject);
        req.end();
      }),
  );
}

describe('method guard', () => {
  it('answers TRACE and unknown methods with 405, Allow and the security headers', async () => {
    for (const method of ['TRACE', 'PROPFIND']) {
      const res = await send(method);
      expect(res.status).toBe(405);
      expect(res.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      expect(res.nosniff).toBe('nosniff');
      expect(JSON.parse(res.body)).toMatchObject({ error: 'method_not_allowed' });
    }
  });

  it('hands the socket peer to the routes, replacing a value the client sent', async () => {
    const port = await listening;
    const peer = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { port, host: '127.0.0.1', path: '/peer', headers: { [PEER_HEADER]: '6.6.6.6' } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(peer).toBe('127.0.0.1');
  });

  it('passes the methods routes take on to the server', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) expect((await send(method)).body).toBe('route');
  });
});
