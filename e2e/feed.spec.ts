import { expect, instructorToken, test } from './presenter-fixture';

test.describe('live request feed', () => {
  test('resumes after a reconnect without losing the events sent meanwhile', async ({
    page,
    context,
    request,
  }) => {
    await page.goto('/present/client-credentials');
    const status = page.getByTestId('feed-status');
    await expect(status).toHaveText('Live');

    await context.setOffline(true);
    await expect(status).toHaveText(/Offline/);
    // Sent while the presenter is disconnected (from outside the browser).
    const sent = [];
    for (const clientId of ['reporting-bot', 'short-lived']) {
      const secret = clientId === 'reporting-bot' ? 'reports-secret' : 'short-secret';
      const res = await request.post('/token', {
        form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
      });
      sent.push(res.status());
    }
    expect(sent).toEqual([200, 200]);

    await context.setOffline(false);
    await expect(status).toHaveText('Live');
    await expect(
      page.getByRole('listitem').filter({ hasText: 'client reporting-bot' }).first(),
    ).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: 'client short-lived' }).first(),
    ).toBeVisible();
  });

  test('an id a request only claims is shown as a claim, short, and never offered as a filter', async ({
    page,
    request,
  }) => {
    await page.goto('/present/client-credentials');
    await expect(page.getByTestId('feed-status')).toHaveText('Live');
    const claim = `TEACHER SAYS ${Date.now()}: open http://evil.example/quiz`;
    const res = await request.post('/token', {
      form: { grant_type: 'client_credentials', client_id: claim, client_secret: 'x' },
    });
    expect(res.status()).toBe(401);
    const row = page
      .getByRole('listitem')
      .filter({ hasText: `claims “${[...claim].slice(0, 20).join('')}…”` });
    await expect(row.first()).toBeVisible();
    await expect(row.first()).not.toContainText('evil.example');
    await expect(
      page.getByLabel('Client', { exact: true }).locator('option', { hasText: 'TEACHER SAYS' }),
    ).toHaveCount(0);
  });

  test('draws the newest 50 rows, and 50 more older ones each time it is asked', async ({
    page,
    request,
  }) => {
    await page.goto('/present/client-credentials');
    await expect(page.getByTestId('feed-status')).toHaveText('Live');
    // 60 requests unlike each other (each claims another client): 60 rows
    for (let i = 0; i < 60; i += 1) {
      await request.post('/token', {
        form: { grant_type: 'client_credentials', client_id: `nobody-${i}`, client_secret: 'x' },
      });
    }
    const rows = page.locator('[data-feed-id]');
    const older = page.getByRole('button', { name: /^Show \d+ older of \d+$/ });
    await expect(older).toBeVisible();
    await expect(rows).toHaveCount(50);
    await older.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(50);
    expect(await rows.count()).toBeLessThanOrEqual(100);
  });

  test('a room following a step: requests alike are one row saying how many, each one listed', async ({
    page,
    request,
  }) => {
    // clients of this test alone: other tests share the feed
    async function register() {
      const res = await request.post('/register', {
        headers: { 'Content-Type': 'application/json' },
        data: '{"token_endpoint_auth_method":"client_secret_post"}',
      });
      expect(res.status()).toBe(201);
      return (await res.json()) as { client_id: string; client_secret: string };
    }
    const [mine, other] = [await register(), await register()];
    const token = async (c: { client_id: string; client_secret: string }) =>
      (
        await request.post('/token', {
          form: { grant_type: 'client_credentials', ...c },
        })
      ).status();

    await page.goto('/present/client-credentials');
    await expect(page.getByTestId('feed-status')).toHaveText('Live');
    expect(await token(mine)).toBe(200);
    // other tests share this feed and may send between these requests: watch this client alone
    const filter = page.getByLabel('Client', { exact: true });
    await expect(filter.locator('option', { hasText: mine.client_id })).toHaveCount(1);
    await filter.selectOption(mine.client_id);
    for (let i = 1; i < 12; i += 1) expect(await token(mine)).toBe(200);
    const rows = page.locator('[data-feed-id]');
    await expect(rows).toHaveCount(1);
    await expect(rows).toHaveAttribute('data-feed-count', '12');
    await expect(rows).toContainText('×12');
    // another client's request is not in this view; one more of this client's joins its row
    expect(await token(other)).toBe(200);
    expect(await token(mine)).toBe(200);
    await expect(rows).toHaveAttribute('data-feed-count', '13');
    await expect(rows).toHaveCount(1);
    // every request the row stands for is listed, each with its own credential to reveal
    await rows.getByText('All 13 requests').click();
    const each = rows
      .getByRole('list', { name: '13 requests alike, newest first' })
      .getByRole('listitem');
    await expect(each).toHaveCount(13);
    // each button is named by the time its line shows: a screen reader tells a burst's apart
    const shownAt = await each.nth(5).locator('span').first().textContent();
    await each
      .nth(5)
      .getByRole('button', {
        name: `Reveal client_secret of the request at ${shownAt}`,
        exact: true,
      })
      .click();
    await expect(each.nth(5).getByTestId('credential')).toHaveText(mine.client_secret);
    // all clients again: the other client's request splits this client's requests in two rows
    await filter.selectOption('');
    await expect(rows.filter({ hasText: `client ${other.client_id}` })).toHaveCount(1);
    await expect
      .poll(() => rows.filter({ hasText: `client ${mine.client_id}` }).count())
      .toBeGreaterThanOrEqual(2);
  });

  test('serves SSE with Last-Event-ID resume, and never the raw credential', async ({
    request,
    baseURL,
  }) => {
    const decoder = new TextDecoder();
    async function readUntil(
      reader: ReadableStreamDefaultReader<Uint8Array>,
      done: (text: string) => boolean,
    ) {
      let text = '';
      while (!done(text)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value);
      }
      return text;
    }
    // SSE ids are <epoch>.<id>: the epoch names this server's sequence of ids
    const idsIn = (text: string) =>
      [...text.matchAll(/^id: ([0-9a-f]+)\.(\d+)$/gm)].map((m) => ({
        epoch: m[1]!,
        n: Number(m[2]),
      }));
    const presenter = { Authorization: `Bearer ${await instructorToken(request)}` };

    // Subscribe first, then send: the event arrives live.
    const ctrl = new AbortController();
    const res = await fetch(`${baseURL}/api/live/feed?client=abc`, {
      headers: presenter,
      signal: ctrl.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const reader = res.body!.getReader();
    await readUntil(reader, (t) => t.includes('event: ready'));
    await request.post('/token', {
      form: { grant_type: 'client_credentials', client_id: 'abc', client_secret: 'xyz' },
    });
    await request.post('/token', {
      form: { grant_type: 'client_credentials', client_id: 'abc', client_secret: 'xyz' },
    });
    const text = await readUntil(reader, (t) => idsIn(t).length >= 2);
    ctrl.abort();
    const ids = idsIn(text);
    expect(ids[1]!.epoch).toBe(ids[0]!.epoch);
    expect(ids[1]!.n).toBeGreaterThan(ids[0]!.n);
    expect(text).toContain('"masked":"xy•••"');
    expect(text).not.toContain('"value"');
    expect(text).not.toContain('xyz"');

    // A reconnect with Last-Event-ID gets what came after it, not what it already had.
    const ctrl2 = new AbortController();
    const res2 = await fetch(`${baseURL}/api/live/feed?client=abc`, {
      headers: { ...presenter, 'Last-Event-ID': `${ids[0]!.epoch}.${ids[0]!.n}` },
      signal: ctrl2.signal,
    });
    const text2 = await readUntil(res2.body!.getReader(), (t) => t.includes('event: ready'));
    ctrl2.abort();
    const resumed = idsIn(text2).map((id) => id.n);
    expect(text2).not.toContain('event: reset');
    expect(resumed).toContain(ids[1]!.n);
    expect(resumed.every((n) => n > ids[0]!.n)).toBe(true);

    // An id of another epoch (a server that restarted since) starts the view over.
    const ctrl3 = new AbortController();
    const res3 = await fetch(`${baseURL}/api/live/feed?client=abc`, {
      headers: { ...presenter, 'Last-Event-ID': `0000000000aa.${ids[0]!.n}` },
      signal: ctrl3.signal,
    });
    const text3 = await readUntil(res3.body!.getReader(), (t) => t.includes('event: ready'));
    ctrl3.abort();
    expect(text3).toContain('event: reset');
    expect(idsIn(text3).map((id) => id.n)).toContain(ids[0]!.n);
  });
});
