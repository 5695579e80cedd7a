#!/usr/bin/env node
// Bounded load test of the live features of ONE running FlowLab instance, on loopback only.
// It opens a fixed number of follower SSE connections (follow-me rooms) and live-feed SSE
// connections, drives them for a fixed time, reports what was delivered, closes everything and
// exits by itself (hard time limit). Start the app first, e.g.:
//   npm run build && npm start            (then, in another terminal)
//   node scripts/load-live.mjs --base=http://127.0.0.1:3000 --followers=600 --feeds=50 --seconds=10
// The presenter's calls (rooms, feed, stats) use the instructor's token, got with the client
// credentials grant: the key is --key=, else FLOWLAB_INSTRUCTOR_KEY, else the data folder's file.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const base = new URL(args.base ?? 'http://127.0.0.1:3000');
const FOLLOWERS = Math.min(Number(args.followers ?? 600), 5000);
const FEEDS = Math.min(Number(args.feeds ?? 50), 1000);
const SECONDS = Math.min(Number(args.seconds ?? 10), 60);
const STATE_RATE = Math.min(Number(args['state-rate'] ?? 5), 50); // presenter moves per second
const TOKEN_CONCURRENCY = Math.min(Number(args['token-concurrency'] ?? 8), 64);
const PER_ROOM = 300; // the server's default cap of followers per room
// Each room accepts a burst of 60 joins, then 3 per second (DEFAULT_ROOM_LIMITS): allow for it.
const JOIN_SECONDS = Math.ceil(Math.max(0, Math.min(FOLLOWERS, PER_ROOM) - 60) / 3);
const HARD_LIMIT_MS = (SECONDS + JOIN_SECONDS + 60) * 1000;

if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(base.hostname)) {
  console.error(`Refusing to load-test ${base.host}: loopback only.`);
  process.exit(2);
}
const hardStop = setTimeout(() => {
  console.error(`Hard time limit of ${HARD_LIMIT_MS / 1000} s reached: stopping.`);
  process.exit(3);
}, HARD_LIMIT_MS);
hardStop.unref();

/** The instructor key: --key=, FLOWLAB_INSTRUCTOR_KEY, or `<FLOWLAB_DATA_DIR>/instructor-key`. */
function instructorKey() {
  if (args.key) return args.key;
  if (process.env.FLOWLAB_INSTRUCTOR_KEY) return process.env.FLOWLAB_INSTRUCTOR_KEY;
  try {
    const dir = process.env.FLOWLAB_DATA_DIR || '.data';
    return readFileSync(join(dir, 'instructor-key'), 'utf8').trim();
  } catch {
    console.error(
      'The presenter calls need the instructor key: --key=... or FLOWLAB_INSTRUCTOR_KEY.',
    );
    process.exit(2);
  }
}

/** Sent with every request: the presenter-only routes need it, the others ignore it. */
const auth = {};

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const sockets = new Set();

function request(method, path, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const data =
      body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = http.request(
      new URL(path, base),
      {
        method,
        agent,
        headers: {
          ...(data !== undefined && typeof body !== 'string'
            ? { 'content-type': 'application/json' }
            : {}),
          ...auth,
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

/** Opens an SSE stream; calls onEvent(name, data) per event; resolves once the first event arrives. */
function openSse(path, onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      new URL(path, base),
      { headers: { ...auth, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`SSE ${path}: ${res.statusCode}`));
          return;
        }
        sockets.add(req);
        res.setEncoding('utf8');
        let buffer = '';
        let first = true;
        res.on('data', (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message';
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) name = line.slice(7);
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (block.startsWith(':')) continue;
            onEvent(name, data);
            if (first) {
              first = false;
              resolve(req);
            }
          }
        });
        res.on('error', () => undefined);
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('SSE connect timeout')));
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

async function main() {
  const key = instructorKey();
  const token = await request('POST', '/token', {
    body: 'grant_type=client_credentials&scope=live%3Apresent',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`instructor:${encodeURIComponent(key)}`).toString('base64')}`,
    },
  });
  if (token.status !== 200) {
    console.error(`The instructor's token request failed: ${token.status} ${token.text}`);
    process.exit(2);
  }
  auth.authorization = `Bearer ${JSON.parse(token.text).access_token}`;
  console.log(
    `Load test of ${base.origin}: ${FOLLOWERS} followers, ${FEEDS} feed listeners, ${SECONDS} s.`,
  );

  // --- Rooms and followers --------------------------------------------------------------------
  const roomCount = Math.max(1, Math.ceil(FOLLOWERS / PER_ROOM));
  const rooms = [];
  for (let i = 0; i < roomCount; i += 1) {
    const res = await request('POST', '/api/rooms', {
      body: { lesson: 'client-credentials', scenario: 'valid', step: 0 },
    });
    if (res.status !== 201) throw new Error(`creating a room: ${res.status} ${res.text}`);
    rooms.push(JSON.parse(res.text));
  }
  const sentAt = new Map(); // step value -> time the presenter sent it (per room: step values are shared)
  const latencies = [];
  let stateEvents = 0;
  const followerSpecs = Array.from(
    { length: FOLLOWERS },
    (_, i) => rooms[Math.floor(i / PER_ROOM)],
  );
  const connectStart = performance.now();
  const followerStreams = await inBatches(followerSpecs, 100, async (room) => {
    // Each room limits its join rate (a burst, then a few per second): wait as told and retry.
    let joined = await request('POST', `/api/rooms/${room.id}/followers`, { body: {} });
    while (joined.status === 429) {
      await new Promise((r) => setTimeout(r, 1000 * Number(joined.headers['retry-after'] ?? 1)));
      joined = await request('POST', `/api/rooms/${room.id}/followers`, { body: {} });
    }
    if (joined.status !== 201) throw new Error(`joining: ${joined.status} ${joined.text}`);
    const { followerId } = JSON.parse(joined.text);
    return openSse(`/api/rooms/${room.id}/events?follower=${followerId}`, (name, data) => {
      if (name !== 'state') return;
      stateEvents += 1;
      const { step } = JSON.parse(data);
      const t = sentAt.get(step);
      if (t !== undefined) latencies.push(performance.now() - t);
    });
  });
  const connectMs = performance.now() - connectStart;
  console.log(
    `Followers connected: ${followerStreams.length} in ${(connectMs / 1000).toFixed(1)} s across ${rooms.length} room(s).`,
  );

  // --- Feed listeners ---------------------------------------------------------------------------
  const { feedLastId } = JSON.parse((await request('GET', '/api/live/stats')).text);
  let feedEvents = 0;
  const feedLatencies = [];
  const feedStreams = await inBatches(Array.from({ length: FEEDS }), 50, () =>
    openSse(`/api/live/feed?since=${feedLastId}`, (name, data) => {
      if (name !== 'request') return;
      feedEvents += 1;
      const { at } = JSON.parse(data);
      feedLatencies.push(Date.now() - at);
    }),
  );
  console.log(`Feed listeners connected: ${feedStreams.length}.`);
  await new Promise((r) => setTimeout(r, 500)); // let the initial presence broadcasts settle
  stateEvents = 0;
  latencies.length = 0;

  // --- Drive: presenter moves at a fixed rate, clients hit /token as fast as they can ----------
  const deadline = performance.now() + SECONDS * 1000;
  let moves = 0;
  const presenter = (async () => {
    let step = 1;
    while (performance.now() < deadline) {
      const value = 100 + (step % 800);
      sentAt.set(value, performance.now());
      await Promise.all(
        rooms.map((room) =>
          request('PUT', `/api/rooms/${room.id}/state`, {
            body: { scenario: 'valid', step: value },
            headers: { 'x-room-key': room.key },
          }),
        ),
      );
      moves += 1;
      step += 1;
      await new Promise((r) => setTimeout(r, 1000 / STATE_RATE));
    }
  })();
  let tokens = 0;
  const tokenStatuses = new Map();
  const workers = Array.from({ length: TOKEN_CONCURRENCY }, async () => {
    while (performance.now() < deadline) {
      const res = await request('POST', '/token', {
        body: 'grant_type=client_credentials&client_id=abc&client_secret=xyz',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      tokens += 1;
      tokenStatuses.set(res.status, (tokenStatuses.get(res.status) ?? 0) + 1);
    }
  });
  await Promise.all([presenter, ...workers]);
  await new Promise((r) => setTimeout(r, 1000)); // drain what is in flight

  const stats = await request('GET', '/api/live/stats');
  for (const s of sockets) s.destroy();
  agent.destroy();

  latencies.sort((a, b) => a - b);
  feedLatencies.sort((a, b) => a - b);
  const expectedState = moves * FOLLOWERS;
  const expectedFeed = tokens * FEEDS;
  const summary = {
    followers: FOLLOWERS,
    rooms: rooms.length,
    followerConnectSeconds: +(connectMs / 1000).toFixed(2),
    presenterMoves: moves,
    stateEventsDelivered: stateEvents,
    stateDeliveryRatio: +(stateEvents / Math.max(1, expectedState)).toFixed(3),
    stateEventsPerSecond: Math.round(stateEvents / SECONDS),
    stateLatencyMs: {
      p50: +percentile(latencies, 50).toFixed(1),
      p99: +percentile(latencies, 99).toFixed(1),
    },
    feedListeners: FEEDS,
    tokenRequests: tokens,
    tokenRequestsPerSecond: Math.round(tokens / SECONDS),
    tokenStatuses: Object.fromEntries(tokenStatuses),
    feedEventsDelivered: feedEvents,
    feedDeliveryRatio: +(feedEvents / Math.max(1, expectedFeed)).toFixed(3),
    feedEventsPerSecondFannedOut: Math.round(feedEvents / SECONDS),
    feedLatencyMs: { p50: percentile(feedLatencies, 50), p99: percentile(feedLatencies, 99) },
    serverStats: JSON.parse(stats.text),
  };
  console.log(JSON.stringify(summary, null, 2));

  // Close the rooms we opened.
  const closeAgent = new http.Agent();
  await Promise.all(
    rooms.map(
      (room) =>
        new Promise((resolve) => {
          const req = http.request(
            new URL(`/api/rooms/${room.id}`, base),
            { method: 'DELETE', agent: closeAgent, headers: { ...auth, 'x-room-key': room.key } },
            (res) => {
              res.resume();
              res.on('end', resolve);
            },
          );
          req.on('error', resolve);
          req.end();
        }),
    ),
  );
  closeAgent.destroy();
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(`Load test failed: ${e.message}`);
    process.exit(1);
  });
