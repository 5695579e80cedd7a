import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  installMethodGuard,
  LINGER_MS,
  MAX_REQUEST_BODY_BYTES,
  PEER_HEADER,
  REQUEST_TIMEOUT_MS,
} from './method-guard';

installMethodGuard();
installMethodGuard(); // idempotent
let routed = 0;
const server = http.createServer((req, res) => {
  routed += 1;
  if (req.url !== '/echo') {
    res.end(req.url === '/peer' ? String(req.headers[PEER_HEADER]) : 'route');
    return;
  }
  // like Next with a proxy: the whole body is read before the route answers
  let bytes = 0;
  req.on('data', (c: Buffer) => (bytes += c.length));
  req.on('end', () => res.end(`read ${bytes}`));
  req.on('error', () => undefined);
});
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

/** Sends `chunks` as a chunked body (or with `length` declared); resolves with the answer. */
function post(
  chunks: readonly Buffer[],
  { length, endless = false }: { length?: number; endless?: boolean } = {},
): Promise<{ status: number; body: string; connection?: string }> {
  return listening.then(
    (port) =>
      new Promise((resolve, reject) => {
        const req = http.request(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/echo',
            headers: length === undefined ? {} : { 'Content-Length': String(length) },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => {
              req.destroy();
              resolve({
                status: res.statusCode ?? 0,
                body,
                ...(res.headers.connection ? { connection: res.headers.connection } : {}),
              });
            });
          },
        );
        req.on('error', (e) => (endless ? undefined : reject(e)));
        for (const c of chunks) req.write(c);
        if (!endless) {
          req.end();
          return;
        }
        // a body that never ends: keep writing until the server answers or closes
        const more = () => {
          if (req.destroyed) return;
          if (req.write(Buffer.alloc(4096, 0x61))) setImmediate(more);
          else req.once('drain', more);
        };
        more();
      }),
  );
}

describe('request bodies', () => {
  it('passes a body within the limit on untouched', async () => {
    const body = Buffer.alloc(MAX_REQUEST_BODY_BYTES, 0x62);
    expect(await post([body.subarray(0, 1000), body.subarray(1000)])).toMatchObject({
      status: 200,
      body: `read ${MAX_REQUEST_BODY_BYTES}`,
    });
    expect(await post([body], { length: body.length })).toMatchObject({ status: 200 });
  });

  it('refuses a declared length over the limit at once, without the route or the body', async () => {
    const before = routed;
    const res = await post([Buffer.from('grant_type=x')], { length: 20_000 });
    expect(res).toMatchObject({ status: 413, connection: 'close' });
    expect(JSON.parse(res.body)).toEqual({
      error: 'request_too_large',
      error_description: `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.`,
    });
    expect(routed).toBe(before);
  });

  it('cuts a body that never ends with 413 once it passes the limit', async () => {
    const res = await post([], { endless: true });
    expect(res).toMatchObject({ status: 413, connection: 'close' });
    expect(JSON.parse(res.body)).toMatchObject({ error: 'request_too_large' });
  });

  it('keeps a refused connection open a moment, so a client still sending reads the 413', async () => {
    const port = await listening;
    // a raw client that keeps sending after the answer, as curl or a script uploading a file does
    const { answer, openFor } = await new Promise<{ answer: string; openFor: number }>(
      (resolve, reject) => {
        const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
        let answer = '';
        let answeredAt = 0;
        socket.on('data', (c: Buffer) => {
          answer += c.toString();
          if (!answeredAt && answer.includes('request_too_large')) answeredAt = Date.now();
        });
        socket.on('error', () => undefined); // the reset once the server gives up
        socket.on('close', () => resolve({ answer, openFor: Date.now() - answeredAt }));
        setTimeout(() => reject(new Error('never closed')), 10 * LINGER_MS);
        socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
        const chunk = `1000\r\n${'a'.repeat(0x1000)}\r\n`;
        const more = () => {
          if (socket.destroyed) return;
          if (socket.write(chunk)) setImmediate(more);
          else socket.once('drain', more);
        };
        more();
      },
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(openFor).toBeGreaterThanOrEqual(LINGER_MS - 100);
  });

  it('bounds how long a request may take to arrive', async () => {
    await send('GET');
    expect(server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(server.headersTimeout).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS);
  });
});

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
