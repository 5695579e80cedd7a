import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { basic, FORM, TEST_REVOCATIONS_PER_CLIENT, tokenFor } from './http-support';
import { INSTRUCTOR_KEY, instructorToken } from './presenter-fixture';

// Resets, lockouts of the instructor and a client's full revocation quota touch state every
// test shares, so this spec runs in its own Playwright project after all the others
// (playwright.config.ts), one test at a time.
test.describe.configure({ mode: 'serial' });

const CONFIRM = { 'X-FlowLab-Confirm': 'reset' };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A presenter-only operation, sent with the given headers. */
type Operation = (
  request: APIRequestContext,
  headers: Record<string, string>,
) => Promise<APIResponse>;

/** Reads only the status line and headers of the feed's endless SSE stream. */
async function feedHead(baseURL: string, headers: Record<string, string>) {
  const ctrl = new AbortController();
  const res = await fetch(`${baseURL}/api/live/feed?since=0`, { headers, signal: ctrl.signal });
  ctrl.abort();
  return res;
}

const operations: Record<string, Operation> = {
  'GET /api/live/feed/:id (reveal)': (r, h) => r.get('/api/live/feed/1', { headers: h }),
  'GET /api/live/stats': (r, h) => r.get('/api/live/stats', { headers: h }),
  'POST /api/live/reset': (r, h) => r.post('/api/live/reset', { headers: { ...CONFIRM, ...h } }),
  'POST /api/rooms (open a room)': (r, h) =>
    r.post('/api/rooms', { headers: h, data: { lesson: 'client-credentials' } }),
};

async function expectChallenge(res: APIResponse | Response, status: number, error?: string) {
  const status_ = typeof res.status === 'function' ? res.status() : res.status;
  const header =
    'headers' in res && typeof res.headers === 'function'
      ? res.headers()['www-authenticate']
      : (res as Response).headers.get('www-authenticate');
  expect(status_).toBe(status);
  expect(header).toMatch(/^Bearer realm="FlowLab"/);
  if (error) expect(header).toContain(`error="${error}"`);
  else expect(header).not.toContain('error=');
}

test('presenter-only operations: 401 without a token, 403 with data:read, 200 for the instructor', async ({
  request,
  baseURL,
}) => {
  const learner = await tokenFor(request, 'abc', 'xyz');
  const instructor = await instructorToken(request);

  await expectChallenge(await feedHead(baseURL!, {}), 401);
  await expectChallenge(await feedHead(baseURL!, bearer(learner)), 403, 'insufficient_scope');
  const feed = await feedHead(baseURL!, bearer(instructor));
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toContain('text/event-stream');

  for (const [name, send] of Object.entries(operations)) {
    await test.step(name, async () => {
      await expectChallenge(await send(request, {}), 401);
      const scoped = await send(request, bearer(learner));
      await expectChallenge(scoped, 403, 'insufficient_scope');
      expect(await scoped.json()).toMatchObject({
        error: 'insufficient_scope',
        scope: 'live:present',
      });
      const ok = await send(request, bearer(instructor));
      expect([200, 201, 404]).toContain(ok.status()); // 404: no feed entry 1 after a reset
    });
  }

  // With an entry in the feed, the instructor reveals it; nobody else does.
  await tokenFor(request, 'myapp123', 'secret456');
  const stats = await request.get('/api/live/stats', { headers: bearer(instructor) });
  const { feedLastId } = (await stats.json()) as { feedLastId: number };
  const reveal = await request.get(`/api/live/feed/${feedLastId}`, { headers: bearer(instructor) });
  expect(reveal.status()).toBe(200);
  expect(await reveal.json()).toMatchObject({ credential: { kind: 'secret', value: 'secret456' } });
  await expectChallenge(await request.get(`/api/live/feed/${feedLastId}`), 401);
});

test('driving and closing a room needs the instructor too; following it does not', async ({
  request,
}) => {
  const instructor = await instructorToken(request);
  const learner = await tokenFor(request, 'abc', 'xyz');
  const opened = await request.post('/api/rooms', {
    headers: bearer(instructor),
    data: { lesson: 'client-credentials' },
  });
  expect(opened.status()).toBe(201);
  const room = (await opened.json()) as { id: string; key: string };
  const roomKey = { 'X-Room-Key': room.key };

  // Even with the room key, the presenter's operations need the live:present token.
  const drive = (h: Record<string, string>) =>
    request.put(`/api/rooms/${room.id}/state`, {
      headers: { ...roomKey, ...h },
      data: { scenario: 'valid', step: 1 },
    });
  await expectChallenge(await drive({}), 401);
  await expectChallenge(await drive(bearer(learner)), 403, 'insufficient_scope');
  expect((await drive(bearer(instructor))).status()).toBe(200);
  const poll = await request.post(`/api/rooms/${room.id}/poll`, {
    headers: roomKey,
    data: { questionId: 'x' },
  });
  await expectChallenge(poll, 401);
  await expectChallenge(
    await request.post(`/api/rooms/${room.id}/poll/reveal`, { headers: roomKey }),
    401,
  );

  // Learners follow without signing in.
  expect((await request.get(`/api/rooms/${room.id}`)).status()).toBe(200);
  expect((await request.post(`/api/rooms/${room.id}/followers`, { data: {} })).status()).toBe(201);

  await expectChallenge(await request.delete(`/api/rooms/${room.id}`, { headers: roomKey }), 401);
  const closed = await request.delete(`/api/rooms/${room.id}`, {
    headers: { ...roomKey, ...bearer(instructor) },
  });
  expect(closed.status()).toBe(200);
});

test('a cookie-authenticated write from another site is refused', async ({ request }) => {
  const instructor = await instructorToken(request);
  const res = await request.post('/api/live/reset', {
    headers: {
      ...CONFIRM,
      Cookie: `flowlab_presenter=${instructor}`,
      Origin: 'https://evil.example',
    },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toBe('cross_site_request');
});

test('the instructor is locked out after 10 wrong keys, right key or not; the reset lifts it', async ({
  request,
}) => {
  const instructor = await instructorToken(request); // still valid during the lockout
  const tokenWith = (key: string) =>
    request.post('/token', {
      headers: { ...FORM, Authorization: basic('instructor', key) },
      data: 'grant_type=client_credentials&scope=live%3Apresent',
    });
  for (let i = 0; i < 10; i++) expect((await tokenWith(`guess-${i}`)).status()).toBe(401);
  const locked = await tokenWith(INSTRUCTOR_KEY);
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0);

  // The sign-in form says so, and sets no cookie.
  const form = await request.post('/present/session', {
    form: { key: INSTRUCTOR_KEY, next: '/present' },
    headers: { Origin: new URL(locked.url()).origin },
    maxRedirects: 0,
  });
  expect(form.headers()['location']).toMatch(/^\/present\?signin=locked&retry=\d+$/);
  expect(form.headers()['set-cookie']).toBeUndefined();

  expect(
    (
      await request.post('/api/live/reset', { headers: { ...CONFIRM, ...bearer(instructor) } })
    ).status(),
  ).toBe(200);
  expect((await tokenWith(INSTRUCTOR_KEY)).status()).toBe(200);
});

test('a browser that signed in before still signs in and out while its address is locked out', async ({
  playwright,
  baseURL,
}) => {
  const origin = { Origin: baseURL! };
  const signIn = (r: APIRequestContext) =>
    r.post('/present/session', {
      form: { key: INSTRUCTOR_KEY, next: '/present' },
      headers: origin,
      maxRedirects: 0,
    });
  const instructorBrowser = await playwright.request.newContext({ baseURL });
  const stranger = await playwright.request.newContext({ baseURL });
  const instructor = await instructorToken(stranger); // still valid during the lockout, to reset
  try {
    // The instructor signs in once before class: the browser keeps a device cookie.
    const first = await signIn(instructorBrowser);
    expect(first.status()).toBe(303);
    const cookies = first.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie');
    const device = cookies.find((c) => c.value.startsWith('flowlab_presenter_device='))?.value;
    expect(device).toMatch(
      /^flowlab_presenter_device=[\w-]{22}\.[\w-]{43}; Path=\/present\/session; Max-Age=7776000; HttpOnly; SameSite=Strict$/,
    );

    // Learners on the same address send wrong instructor keys: the address is locked out.
    for (let i = 0; i < 10; i++) {
      const guess = await stranger.post('/token', {
        headers: { ...FORM, Authorization: basic('instructor', `guess-${i}`) },
        data: 'grant_type=client_credentials&scope=live%3Apresent',
      });
      expect(guess.status()).toBe(401);
    }
    const locked = await signIn(stranger);
    expect(locked.headers()['location']).toMatch(/^\/present\?signin=locked&retry=\d+$/);
    // A forged device cookie is no way around it.
    const forged = await stranger.post('/present/session', {
      form: { key: INSTRUCTOR_KEY, next: '/present' },
      headers: {
        ...origin,
        Cookie: `flowlab_presenter_device=${'a'.repeat(22)}.${'b'.repeat(43)}`,
      },
      maxRedirects: 0,
    });
    expect(forged.headers()['location']).toMatch(/^\/present\?signin=locked/);

    // The instructor's browser signs in all the same, and gets no second device cookie.
    const again = await signIn(instructorBrowser);
    expect(again.headers()['location']).toBe('/present');
    expect(again.headers()['set-cookie']).toMatch(/^flowlab_presenter=[^;]+; Path=\/;/);
    expect(again.headers()['set-cookie']).not.toContain('flowlab_presenter_device');
    const stats = () => instructorBrowser.get('/api/live/stats');
    expect((await stats()).status()).toBe(200);

    // Signing out revokes the token even so: a copy of the cookie stops working.
    const { cookies: jar } = await instructorBrowser.storageState();
    const session = jar.find((c) => c.name === 'flowlab_presenter')!.value;
    const out = await instructorBrowser.post('/present/session', {
      form: { action: 'sign-out' },
      headers: origin,
      maxRedirects: 0,
    });
    expect(out.status()).toBe(303);
    const copy = await stranger.get('/api/live/stats', {
      headers: { Cookie: `flowlab_presenter=${session}` },
    });
    expect(copy.status()).toBe(401);
  } finally {
    await instructorBrowser.post('/api/live/reset', {
      headers: { ...CONFIRM, ...bearer(instructor) },
    });
    await instructorBrowser.dispose();
    await stranger.dispose();
  }
});

/** Revoke, introspect and mint for one client authenticated with HTTP Basic. */
function basicClient(request: APIRequestContext, id: string, secret: string) {
  const auth = { ...FORM, Authorization: basic(id, secret) };
  return {
    revoke: (token: string) => request.post('/revoke', { headers: auth, data: `token=${token}` }),
    active: async (token: string) => {
      const res = await request.post('/introspect', { headers: auth, data: `token=${token}` });
      return ((await res.json()) as { active: boolean }).active;
    },
    mint: async () => {
      const res = await request.post('/token', {
        headers: auth,
        data: 'grant_type=client_credentials',
      });
      expect(res.status(), await res.text()).toBe(200);
      return ((await res.json()) as { access_token: string }).access_token;
    },
  };
}

test('revocations survive past a registered client’s full quota: the server refuses more, never forgets one', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const instructor = await instructorToken(request);
  const reset = () =>
    request.post('/api/live/reset', { headers: { ...CONFIRM, ...bearer(instructor) } });
  expect((await reset()).status()).toBe(200); // a clean quota (the state file outlives runs)

  // a learner's own client: only its owner can fill its quota, so it keeps the hard cap
  const registered = await request.post('/register', {
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.70' },
    data: '{"token_endpoint_auth_method":"client_secret_basic"}',
  });
  expect(registered.status()).toBe(201);
  const reg = (await registered.json()) as { client_id: string; client_secret: string };
  const { revoke, active, mint } = basicClient(request, reg.client_id, reg.client_secret);

  const first = await mint();
  expect((await revoke(first)).status()).toBe(200);
  expect(await active(first)).toBe(false);

  // Issue and revoke until the server says the client's quota of outstanding revocations is full.
  let revoked = 1;
  let refused: APIResponse | undefined;
  while (!refused && revoked < 2 * TEST_REVOCATIONS_PER_CLIENT) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const token = await mint();
        return { token, res: await revoke(token) };
      }),
    );
    for (const { res } of batch) {
      if (res.status() === 200) revoked += 1;
      else refused ??= res;
    }
    const last = batch.find((b) => b.res.status() === 503);
    if (last) expect(await active(last.token)).toBe(true); // refused: the token stays valid
  }
  expect(revoked).toBe(TEST_REVOCATIONS_PER_CLIENT);
  expect(refused!.status()).toBe(503);
  expect(Number(refused!.headers()['retry-after'])).toBeGreaterThan(3000);
  expect((await refused!.json()).error).toBe('temporarily_unavailable');
  expect(await active(first)).toBe(false); // the earliest revocation is still there

  expect((await reset()).status()).toBe(200);
});

test('a demo client’s full quota drops its soonest-expiring revocation: /revoke keeps working for the room', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const instructor = await instructorToken(request);
  const reset = () =>
    request.post('/api/live/reset', { headers: { ...CONFIRM, ...bearer(instructor) } });
  expect((await reset()).status()).toBe(200);

  // abc's secret is on the home page: any learner can fill its quota, so it must not answer 503
  const { revoke, active, mint } = basicClient(request, 'abc', 'xyz');
  const first = await mint();
  expect((await revoke(first)).status()).toBe(200);
  await new Promise((r) => setTimeout(r, 1_100)); // every later token expires after `first`

  let last = '';
  for (let revoked = 1; revoked < TEST_REVOCATIONS_PER_CLIENT + 20; revoked += 20) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const token = await mint();
        return { token, res: await revoke(token) };
      }),
    );
    for (const { res } of batch) expect(res.status()).toBe(200);
    last = batch.at(-1)!.token;
  }
  expect(await active(last)).toBe(false); // the newest revocation is in force
  expect(await active(first)).toBe(true); // dropped: accepted again until it expires

  expect((await reset()).status()).toBe(200);
});
