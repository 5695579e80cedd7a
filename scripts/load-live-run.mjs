// One bounded load run of the live features against one or more FlowLab instances (loopback):
// followers and feed listeners are spread over the instances in turn, the presenter moves at
// the first one, and /token requests go to every instance, so with Redis every update crosses
// instances. It reports what was delivered and how fast, then closes everything it opened.
import http from 'node:http';

const PER_ROOM = 300; // the server's default cap of followers per room
const JOIN_BURST = 60; // ...its join burst per room, then JOINS_PER_SECOND (DEFAULT_ROOM_LIMITS)
const JOINS_PER_SECOND = 3;
/** The lesson's demo client (public on purpose), sent as HTTP Basic. */
const LEARNER = `Basic ${Buffer.from('abc:xyz').toString('base64')}`;

/** Seconds the joins of `followers` take at most, given each room's join rate. */
export function joinSeconds(followers) {
  const rooms = Math.max(1, Math.ceil(followers / PER_ROOM));
  return Math.ceil(Math.max(0, Math.ceil(followers / rooms) - JOIN_BURST) / JOINS_PER_SECOND);
}

function client(base, auth) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const sockets = new Set();
  const request = (method, path, { body, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
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
  /** Opens an SSE stream; onEvent(name, data) per event; resolves once the first event arrived. */
  const sse = (path, onEvent) =>
    new Promise((resolve, reject) => {
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
              if (block.startsWith(':')) continue;
              let name = 'message';
              let data = '';
              for (const line of block.split('\n')) {
                if (line.startsWith('event: ')) name = line.slice(7);
                else if (line.startsWith('data: ')) data += line.slice(6);
              }
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
  const close = () => {
    for (const s of sockets) s.destroy();
    agent.destroy();
  };
  return { base, request, sse, close };
}

const percentile = (sorted, p) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

/** The instructor's bearer header from the client credentials grant at `base`. */
export async function presenterAuth(base, key) {
  const c = client(base, {});
  const res = await c.request('POST', '/token', {
    body: 'grant_type=client_credentials&scope=live%3Apresent',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`instructor:${encodeURIComponent(key)}`).toString('base64')}`,
    },
  });
  c.close();
  if (res.status !== 200) throw new Error(`the instructor's token: ${res.status} ${res.text}`);
  return { authorization: `Bearer ${JSON.parse(res.text).access_token}` };
}

/** Runs the load against `bases` (see the module comment) and answers the figures. */
export async function runLoad({
  bases,
  key,
  followers,
  feeds,
  seconds,
  stateRate,
  tokenConcurrency,
}) {
  const auth = await presenterAuth(bases[0], key);
  const clients = bases.map((b) => client(b, auth));
  const [presenterAt] = clients;
  const at = (i) => clients[i % clients.length];
  const roomCount = Math.max(1, Math.ceil(followers / PER_ROOM));
  const rooms = [];
  try {
    for (let i = 0; i < roomCount; i += 1) {
      const res = await presenterAt.request('POST', '/api/rooms', {
        body: { lesson: 'client-credentials', scenario: 'valid', step: 0 },
      });
      if (res.status !== 201) throw new Error(`creating a room: ${res.status} ${res.text}`);
      rooms.push(JSON.parse(res.text));
    }
    const sentAt = new Map(); // step value -> when the presenter sent it
    const latencies = [];
    let delivered = 0;
    let measuring = false;
    const connectStart = performance.now();
    // Follower i joins room i % rooms (every room's join rate works at once) at instance i % n.
    await inBatches(
      Array.from({ length: followers }, (_, i) => i),
      100,
      async (i) => {
        const room = rooms[i % rooms.length];
        const c = at(i);
        let joined = await c.request('POST', `/api/rooms/${room.id}/followers`, { body: {} });
        while (joined.status === 429) {
          await new Promise((r) =>
            setTimeout(r, 1000 * Number(joined.headers['retry-after'] ?? 1)),
          );
          joined = await c.request('POST', `/api/rooms/${room.id}/followers`, { body: {} });
        }
        if (joined.status !== 201) throw new Error(`joining: ${joined.status} ${joined.text}`);
        const { followerId } = JSON.parse(joined.text);
        let last = -1;
        return c.sse(`/api/rooms/${room.id}/events?follower=${followerId}`, (name, data) => {
          if (name !== 'state' || !measuring) return;
          const { step } = JSON.parse(data);
          const t = sentAt.get(step);
          if (t === undefined || step === last) return;
          last = step;
          delivered += 1;
          latencies.push(performance.now() - t);
        });
      },
    );
    const connectMs = performance.now() - connectStart;

    const { feedLastId, feedEpoch } = JSON.parse(
      (await presenterAt.request('GET', '/api/live/stats')).text,
    );
    let feedEvents = 0;
    const feedLatencies = [];
    await inBatches(
      Array.from({ length: feeds }, (_, i) => i),
      50,
      (i) =>
        at(i).sse(`/api/live/feed?since=${feedEpoch}.${feedLastId}&client=abc`, (name, data) => {
          if (name !== 'request' || !measuring) return;
          feedEvents += 1;
          feedLatencies.push(Date.now() - JSON.parse(data).at);
        }),
    );
    await new Promise((r) => setTimeout(r, 1000)); // let the presence broadcasts settle
    measuring = true;

    const deadline = performance.now() + seconds * 1000;
    let moves = 0;
    const presenter = (async () => {
      for (let step = 1; performance.now() < deadline; step += 1) {
        const value = 100 + (step % 800);
        sentAt.set(value, performance.now());
        await Promise.all(
          rooms.map((room) =>
            presenterAt.request('PUT', `/api/rooms/${room.id}/state`, {
              body: { scenario: 'valid', step: value },
              headers: { 'x-room-key': room.key },
            }),
          ),
        );
        moves += 1;
        await new Promise((r) => setTimeout(r, 1000 / stateRate));
      }
    })();
    let tokens = 0;
    const tokenStatuses = {};
    const workers = Array.from({ length: tokenConcurrency }, async (_, w) => {
      while (performance.now() < deadline) {
        const res = await at(w).request('POST', '/token', {
          body: 'grant_type=client_credentials',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LEARNER },
        });
        tokens += 1;
        tokenStatuses[res.status] = (tokenStatuses[res.status] ?? 0) + 1;
      }
    });
    await Promise.all([presenter, ...workers]);
    await new Promise((r) => setTimeout(r, 1500)); // drain what is in flight
    measuring = false;
    latencies.sort((x, y) => x - y);
    feedLatencies.sort((x, y) => x - y);
    return {
      instances: bases.length,
      followers,
      rooms: rooms.length,
      followerConnectSeconds: +(connectMs / 1000).toFixed(1),
      presenterMoves: moves,
      moveDeliveryRatio: +(delivered / Math.max(1, moves * followers)).toFixed(4),
      stateP50Ms: +percentile(latencies, 50).toFixed(1),
      stateP99Ms: +percentile(latencies, 99).toFixed(1),
      feedListeners: feeds,
      tokenRequests: tokens,
      tokenStatuses,
      feedDeliveryRatio: +(feedEvents / Math.max(1, tokens * feeds)).toFixed(4),
      feedP50Ms: percentile(feedLatencies, 50),
      feedP99Ms: percentile(feedLatencies, 99),
    };
  } finally {
    await Promise.all(
      rooms.map((room) =>
        presenterAt
          .request('DELETE', `/api/rooms/${room.id}`, { headers: { 'x-room-key': room.key } })
          .catch(() => undefined),
      ),
    );
    for (const c of clients) c.close();
  }
}
