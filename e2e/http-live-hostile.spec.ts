import http from 'node:http';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { joinQrSvg } from '../lib/live/join-qr';
import { DEFAULT_ROOM_LIMITS } from '../lib/live/rooms';
import { expect, instructorToken, test } from './presenter-fixture';

/**
 * The live side against a room of curious learners with curl: each test is one measured attack,
 * and fails on the code before the classroom limits.
 */
const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

async function openRoom(request: APIRequestContext) {
  const res = await request.post('/api/rooms', {
    headers: JSON_TYPE,
    data: { lesson: 'client-credentials', scenario: 'valid', step: 0 },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; key: string };
}

function expectSecurityHeaders(res: APIResponse | http.IncomingMessage) {
  const headers =
    'headers' in res && typeof res.headers === 'function' ? res.headers() : res.headers;
  const h = headers as Record<string, string | undefined>;
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['x-frame-options']).toBe('DENY');
}

/** A raw request with node:http (methods and chunked bodies Playwright's client will not send). */
function raw(
  baseURL: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; chunks?: number; chunkSize?: number } = {},
): Promise<{
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  res: http.IncomingMessage;
}> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseURL), { method, headers: options.headers ?? {} });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, res }),
      );
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(options.chunkSize ?? 64 * 1024, 0x20);
    let left = options.chunks ?? 0;
    const pump = () => {
      while (left > 0) {
        left -= 1;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

test.describe('live routes under hostile input', () => {
  // The presenter's calls carry the instructor's token (`presenter`); learners' routes ignore it.
  test('a room is created only from a small JSON body (415, 400, 413 create nothing)', async ({
    presenter: request,
  }) => {
    // Each refusal is an error and nothing else: no room id, no presenter key. (The server-wide
    // room count is not compared: other tests open rooms in parallel.)
    const refusedOnly = async (res: APIResponse) =>
      expect(Object.keys((await res.json()) as object)).toEqual(['error']);
    const plain = await request.post('/api/rooms', {
      headers: { 'Content-Type': 'text/plain' },
      data: '{"lesson":"client-credentials"}',
    });
    expect(plain.status()).toBe(415);
    await refusedOnly(plain);
    for (const body of ['{"lesson":', '"client-credentials"', '[]', '']) {
      const garbage = await request.post('/api/rooms', {
        headers: JSON_TYPE,
        data: Buffer.from(body),
      });
      expect(garbage.status(), body).toBe(400);
      expect(((await garbage.json()) as { error: string }).error).toBe('invalid_json');
      await refusedOnly(garbage);
    }
    const big = await request.post('/api/rooms', {
      headers: JSON_TYPE,
      data: JSON.stringify({ lesson: 'client-credentials', pad: 'x'.repeat(5000) }),
    });
    expect(big.status()).toBe(413);
    await refusedOnly(big);
  });

  test('an oversized chunked body is refused with 413, not read into memory', async ({
    presenter: request,
    baseURL,
  }) => {
    const room = await openRoom(request);
    const auth = { Authorization: `Bearer ${await instructorToken(request)}` };
    const res = await raw(baseURL!, 'PUT', `/api/rooms/${room.id}/state`, {
      headers: { ...auth, ...JSON_TYPE, 'x-room-key': room.key, 'Transfer-Encoding': 'chunked' },
      chunks: 64, // 4 MiB, chunked: no Content-Length to refuse it by
    });
    // the method guard cuts it once 16 KiB have arrived, before any route reads it
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ error: 'request_too_large' });
    // Within the guard's limit but over the room routes' own 4 KiB: the route's 413.
    const over = await raw(baseURL!, 'PUT', `/api/rooms/${room.id}/state`, {
      headers: { ...auth, ...JSON_TYPE, 'x-room-key': room.key, 'Transfer-Encoding': 'chunked' },
      chunks: 2,
      chunkSize: 4 * 1024,
    });
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ error: 'body_too_large' });
    // Without the room key, the body is not even read: 403 first.
    const forged = await raw(baseURL!, 'PUT', `/api/rooms/${room.id}/state`, {
      headers: { ...auth, ...JSON_TYPE, 'x-room-key': 'forged', 'Transfer-Encoding': 'chunked' },
      chunks: 2,
      chunkSize: 4 * 1024,
    });
    expect(forged.status).toBe(403);
  });

  test('a client still sending a body too large reads the 413 every time, never a reset', async ({
    baseURL,
  }) => {
    // the guard answers at 16 KiB while the client is still writing its 4 MiB; closing the
    // connection at once used to reset it under the answer (EPIPE about one time in six)
    for (let i = 0; i < 20; i++) {
      const res = await raw(baseURL!, 'POST', '/token', {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Transfer-Encoding': 'chunked',
        },
        chunks: 64,
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'request_too_large' });
    }
  });

  test('streams without a seat, or many from one seat, cannot lock the class out of a room', async ({
    presenter: request,
    baseURL,
  }) => {
    const room = await openRoom(request);
    const open: http.ClientRequest[] = [];
    /** Opens the room's stream (kept open) and answers its status. */
    const stream = (follower?: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`/api/rooms/${room.id}/events`, baseURL);
        if (follower) url.searchParams.set('follower', follower);
        const req = http.get(url, (res) => {
          resolve(res.statusCode ?? 0);
          if (res.statusCode !== 200) res.resume();
        });
        req.on('error', reject);
        open.push(req);
      });
    try {
      const watched: number[] = [];
      for (let i = 0; i < 25; i++) watched.push(await stream());
      const { maxWatchersPerRoom, maxStreamsPerFollower } = DEFAULT_ROOM_LIMITS;
      expect(watched.filter((s) => s === 200)).toHaveLength(maxWatchersPerRoom);
      expect(watched.filter((s) => s === 429)).toHaveLength(25 - maxWatchersPerRoom);
      // a learner who joins still follows; one seat cannot take the room's streams either
      const joined = await request.post(`/api/rooms/${room.id}/followers`, {
        headers: { ...JSON_TYPE, 'X-Forwarded-For': '198.51.100.80' },
        data: {},
      });
      const { followerId } = (await joined.json()) as { followerId: string };
      const mine: number[] = [];
      for (let i = 0; i <= maxStreamsPerFollower; i++) mine.push(await stream(followerId));
      expect(mine).toEqual([...Array<number>(maxStreamsPerFollower).fill(200), 429]);
    } finally {
      for (const req of open) req.destroy();
    }
  });

  test('the QR code joins on the host the presenter reached, as the link under it does', async ({
    presenter: request,
    baseURL,
  }) => {
    const room = await openRoom(request);
    const qr = await raw(baseURL!, 'GET', `/api/rooms/${room.id}/qr`, {
      headers: { Host: '192.0.2.9:3000' }, // the laptop's LAN address, as the class's phones see it
    });
    expect(qr.status).toBe(200);
    expect(qr.body).toBe(await joinQrSvg(`http://192.0.2.9:3000/follow/${room.id}`));
  });

  test('one script cannot fill a room or stuff a poll', async ({ presenter: request }) => {
    const room = await openRoom(request);
    const presenter = { ...JSON_TYPE, 'x-room-key': room.key };
    const poll = await request.post(`/api/rooms/${room.id}/poll`, {
      headers: presenter,
      data: { questionId: 'http-method' },
    });
    expect(poll.status()).toBe(200);
    const pollId = ((await poll.json()) as { poll: { id: string } }).poll.id;

    // A join must be JSON: a cross-site page cannot join for its visitors without a preflight.
    const simple = await request.post(`/api/rooms/${room.id}/followers`, {
      headers: { 'Content-Type': 'text/plain' },
      data: '{}',
    });
    expect(simple.status()).toBe(415);

    const statuses: number[] = [];
    const joined: { followerId: string; followerKey: string }[] = [];
    const started = Date.now();
    for (let i = 0; i < 300; i += 1) {
      const res = await request.post(`/api/rooms/${room.id}/followers`, {
        headers: JSON_TYPE,
        data: {},
      });
      statuses.push(res.status());
      if (res.status() === 201) joined.push((await res.json()) as (typeof joined)[number]);
      else if (res.status() === 429)
        expect(Number(res.headers()['retry-after'])).toBeGreaterThan(0);
    }
    // One caller's share of seats per window, within the room's own rate.
    const seconds = (Date.now() - started) / 1000;
    const { joinBurst, joinsPerSecond, joinsPerCaller } = DEFAULT_ROOM_LIMITS;
    const windows = Math.ceil((seconds * 1000 + 1) / joinsPerCaller.windowMs);
    expect(joined.length).toBeLessThanOrEqual(joinsPerCaller.count * windows);
    expect(joined.length).toBeLessThanOrEqual(joinBurst + Math.ceil(joinsPerSecond * seconds) + 1);
    expect(statuses.filter((s) => s === 429).length).toBe(300 - joined.length);
    expect(statuses).not.toContain(409); // the room never filled up

    // Joined but not following (no open stream): the votes do not count.
    for (const f of joined.slice(0, 20)) {
      const vote = await request.put(`/api/rooms/${room.id}/poll/vote`, {
        headers: JSON_TYPE,
        data: { ...f, pollId, optionId: 'a' },
      });
      expect(vote.status()).toBe(409);
      expect(((await vote.json()) as { error: string }).error).toBe('not_following');
    }
    const revealed = await request.post(`/api/rooms/${room.id}/poll/reveal`, {
      headers: presenter,
    });
    const state = (await revealed.json()) as { followers: number; poll: { votes: number } };
    expect(state.poll.votes).toBe(0);
    expect(state.followers).toBe(0);

    // One script has not closed the room to anyone else: another caller still gets a seat.
    const classmate = await request.post(`/api/rooms/${room.id}/followers`, {
      headers: { ...JSON_TYPE, 'X-Forwarded-For': '198.51.100.77' },
      data: {},
    });
    expect(classmate.status()).toBe(201);

    // The presenter closes joining: nobody new gets in.
    const closed = await request.put(`/api/rooms/${room.id}/joining`, {
      headers: presenter,
      data: { open: false },
    });
    expect(((await closed.json()) as { joining: boolean }).joining).toBe(false);
    const late = await request.post(`/api/rooms/${room.id}/followers`, {
      headers: { ...JSON_TYPE, 'X-Forwarded-For': '198.51.100.78' },
      data: {},
    });
    expect(late.status()).toBe(403);
    expect(((await late.json()) as { error: string }).error).toBe('joining_closed');
    const forged = await request.put(`/api/rooms/${room.id}/joining`, {
      headers: { ...JSON_TYPE, 'x-room-key': 'forged' },
      data: { open: true },
    });
    expect(forged.status()).toBe(403);
  });

  test('a malformed percent-escape is 400 with the security headers, never 500', async ({
    request,
  }) => {
    for (const path of [
      '/api/rooms/%zz',
      '/follow/%zz',
      '/api/live/feed/%zz',
      '/api/rooms/%E0%A4%A/qr',
    ]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expectSecurityHeaders(res);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
    }
  });

  test('TRACE and other unsupported methods are 405 with Allow and the security headers', async ({
    baseURL,
  }) => {
    for (const [method, path] of [
      ['TRACE', '/'],
      ['TRACE', '/api/rooms'],
      ['TRACE', '/token'],
      ['PROPFIND', '/api/live/feed'],
    ] as const) {
      const res = await raw(baseURL!, method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow).toContain('GET');
      expect(res.headers.allow).not.toContain('TRACE');
      expectSecurityHeaders(res.res);
    }
  });

  test('a method a route does not take is 405 with that route’s Allow (RFC 9110 §15.5.6)', async ({
    request,
  }) => {
    for (const [method, path, allow] of [
      ['POST', '/.well-known/jwks.json', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/api/live/feed', 'GET, HEAD, OPTIONS'],
      ['GET', '/api/rooms', 'POST, OPTIONS'],
      ['PUT', '/present/session', 'GET, POST, HEAD, OPTIONS'],
    ] as const) {
      const res = await request.fetch(path, { method });
      expect(res.status(), `${method} ${path}`).toBe(405);
      expect(res.headers()['allow'], `${method} ${path}`).toBe(allow);
      expect(((await res.json()) as { error: string }).error).toBe('method_not_allowed');
      expectSecurityHeaders(res);
    }
    const options = await request.fetch('/api/rooms', { method: 'OPTIONS' });
    expect(options.status()).toBe(204);
    expect(options.headers()['allow']).toBe('POST, OPTIONS');
  });
});
