import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, redisServerMissing, type RedisTestServer } from '../lib/state/redis-test-server';
import { nextInstance, startRedisPair, type Instance, type RedisPair } from './instances';
import { basic, FORM } from './http-support';

// Real processes: a private redis-server and two `next start` instances of the build the
// webServer made, sharing nothing but FLOWLAB_SIGNING_KEY, FLOWLAB_ISSUER,
// FLOWLAB_INSTRUCTOR_KEY and FLOWLAB_REDIS_URL (each has its own data folder). Then one
// instance without Redis, restarted. Every process is stopped in afterAll, even on failure.

const INSTRUCTOR_KEY = 'multi-instance-test-instructor-key';
const missing = redisServerMissing();

async function token(base: string, id: string, secret: string): Promise<Response> {
  return fetch(`${base}/token`, {
    method: 'POST',
    headers: { ...FORM, Authorization: basic(id, secret) },
    body: 'grant_type=client_credentials',
  });
}

async function accessToken(base: string): Promise<string> {
  const res = await token(base, 'myapp123', 'secret456');
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const api = (base: string, accessToken: string) =>
  fetch(`${base}/api/data`, { headers: { Authorization: `Bearer ${accessToken}` } });

async function revoke(base: string, accessToken: string): Promise<void> {
  const res = await fetch(`${base}/revoke`, {
    method: 'POST',
    headers: { ...FORM, Authorization: basic('myapp123', 'secret456') },
    body: `token=${encodeURIComponent(accessToken)}`,
  });
  expect(res.status, await res.text()).toBe(200);
}

async function expectInvalidToken(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(((await res.json()) as { error: string }).error).toBe('invalid_token');
}

test.describe('two instances sharing Redis', () => {
  test.describe.configure({ mode: 'serial' });
  test.skip(!!missing, missing ?? '');

  let redis: RedisTestServer | undefined;
  let a: Instance;
  let b: Instance;
  let pair: RedisPair | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    pair = await startRedisPair(INSTRUCTOR_KEY);
    ({ a, b, redis } = pair);
  });

  test.afterAll(async () => {
    await pair?.stop();
  });

  test('a token from A works at B; revoked at A, B refuses it; both restarted, it stays revoked', async () => {
    test.setTimeout(120_000);
    const t = await accessToken(a.url);
    expect((await api(b.url, t)).status).toBe(200);
    await revoke(a.url, t);
    await expectInvalidToken(await api(b.url, t));
    await expectInvalidToken(await api(a.url, t));

    await Promise.all([a.stop(), b.stop()]);
    await Promise.all([a.start(), b.start()]);
    await expectInvalidToken(await api(b.url, t));
    await expectInvalidToken(await api(a.url, t));
    expect((await api(b.url, await accessToken(a.url))).status).toBe(200);
  });

  test("a request at A reaches B's live feed, and both hold the same backlog", async () => {
    const res = await token(a.url, 'instructor', INSTRUCTOR_KEY);
    expect(res.status, await res.clone().text()).toBe(200);
    const presenter = ((await res.json()) as { access_token: string }).access_token;
    const controller = new AbortController();
    const feed = await fetch(`${b.url}/api/live/feed?client=reporting-bot`, {
      headers: { Authorization: `Bearer ${presenter}` },
      signal: controller.signal,
    });
    expect(feed.status).toBe(200);
    const reader = feed.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const read = async (until: RegExp) => {
      while (!until.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`feed ended: ${text}`);
        text += value;
      }
    };
    try {
      await read(/event: ready/);
      expect((await token(a.url, 'reporting-bot', 'reports-secret')).status).toBe(200);
      const entry =
        /event: request\nid: ([0-9a-f]+)\.(\d+)\ndata: [^\n]*"clientId":"reporting-bot"/;
      await read(entry);
      const [, epoch, n] = entry.exec(text)!;
      const id = Number(n);
      const at = async (base: string) =>
        (await (
          await fetch(`${base}/api/live/stats`, {
            headers: { Authorization: `Bearer ${presenter}` },
          })
        ).json()) as { feedLastId: number; feedEpoch: string };
      expect((await at(a.url)).feedLastId).toBe((await at(b.url)).feedLastId);
      // one sequence of ids for both: the same epoch, so an id resumes at either instance
      expect((await at(a.url)).feedEpoch).toBe(epoch);
      expect((await at(b.url)).feedLastId).toBeGreaterThanOrEqual(id);
      expect(id).toBeGreaterThan(0);
    } finally {
      controller.abort();
    }
  });

  test('ten wrong secrets at A lock the client out at B', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await token(a.url, 'lockout-demo', `guess-${i}`)).status).toBe(401);
    }
    const locked = await token(b.url, 'lockout-demo', 'lockout-secret');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: string }).error).toBe('too_many_requests');
  });

  test('Redis down: 503 with Retry-After, never a 500; Redis back: everything works again', async () => {
    test.setTimeout(60_000);
    const t = await accessToken(a.url);
    const presenter = (
      (await (await token(a.url, 'instructor', INSTRUCTOR_KEY)).json()) as {
        access_token: string;
      }
    ).access_token;
    const feed = await fetch(`${a.url}/api/live/feed`, {
      headers: { Authorization: `Bearer ${presenter}` },
    });
    const reader = feed.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (let text = ''; !text.includes('event: ready');) text += (await reader.read()).value ?? '';
    const ended = (async () => {
      while (!(await reader.read()).done);
      return true;
    })();
    await redis!.stop();
    // the open feed stream ends, so the presenter's view says it is reconnecting
    expect(
      await Promise.race([ended, new Promise((r) => setTimeout(() => r(false), 10_000))]),
    ).toBe(true);
    const answers = await Promise.all([
      api(a.url, t),
      api(b.url, t),
      token(b.url, 'lockout-demo', 'lockout-secret'),
      fetch(`${a.url}/revoke`, {
        method: 'POST',
        headers: { ...FORM, Authorization: basic('myapp123', 'secret456') },
        body: `token=${encodeURIComponent(t)}`,
      }),
      fetch(`${b.url}/introspect`, {
        method: 'POST',
        headers: { ...FORM, Authorization: basic('myapp123', 'secret456') },
        body: `token=${encodeURIComponent(t)}`,
      }),
    ]);
    for (const res of answers) {
      expect(res.status, `${res.url}: ${await res.clone().text()}`).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: string }).error).toBe('temporarily_unavailable');
    }

    await redis!.start(); // an empty Redis: it keeps no data (see the README)
    await expect.poll(async () => (await api(b.url, t)).status, { timeout: 15_000 }).toBe(200);
    await expect.poll(async () => (await api(a.url, t)).status, { timeout: 15_000 }).toBe(200);
    await revoke(b.url, t);
    await expectInvalidToken(await api(a.url, t));
    expect((await token(a.url, 'lockout-demo', 'lockout-secret')).status).toBe(200);
  });
});

test.describe('one instance without Redis', () => {
  let c: Instance | undefined;
  let dir: string | undefined;

  test.afterAll(async () => {
    await c?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a revocation survives a restart (kept in the data folder)', async () => {
    test.setTimeout(120_000);
    dir = await mkdtemp(join(tmpdir(), 'flowlab-single-'));
    c = nextInstance(await freePort(), { FLOWLAB_DATA_DIR: dir, FLOWLAB_REDIS_URL: '' });
    await c.start();
    const t = await accessToken(c.url);
    expect((await api(c.url, t)).status).toBe(200);
    await revoke(c.url, t);
    await expectInvalidToken(await api(c.url, t));

    await c.stop();
    await c.start();
    await expectInvalidToken(await api(c.url, t));
    expect((await api(c.url, await accessToken(c.url))).status).toBe(200);
  });

  test('a corrupt signing key file stops the server at start, saying what to do', async () => {
    test.setTimeout(120_000);
    const corrupt = await mkdtemp(join(tmpdir(), 'flowlab-corrupt-'));
    try {
      await writeFile(join(corrupt, 'signing-key.json'), '{"kty":"EC","crv":"P-2');
      const broken = nextInstance(await freePort(), {
        FLOWLAB_DATA_DIR: corrupt,
        FLOWLAB_REDIS_URL: '',
      });
      // it exits instead of answering every token request with a 500
      await expect(broken.start()).rejects.toThrow(
        /FlowLab cannot start: The signing key file .*signing-key\.json is not valid JSON\. Delete/,
      );
    } finally {
      await rm(corrupt, { recursive: true, force: true });
    }
  });
});
