import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freePort } from '../lib/state/redis-test-server';
import { nextInstance, type Instance } from './instances';

// The embeds (/embed/<lesson>/step) may be framed by other sites; every other page may not.
// A tiny page server on another loopback port plays the course site that holds the <iframe>.

const EMBED = '/embed/client-credentials/step';
const LEARN = '/learn/client-credentials/step';

/** A course page on its own loopback port; `/?src=<url>` is a page with one iframe of <url>. */
async function startCoursePage(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>Course</title><h1>Course page</h1>` +
        `<iframe title="FlowLab" src="${attr}" width="1200" height="900"></iframe></html>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function headerOf(res: { headers(): Record<string, string> }, name: string): string | undefined {
  return res.headers()[name];
}

/** Opens the course page framing `src` and returns its frame, once the framed load has settled. */
async function frame(page: Page, course: string, src: string) {
  await page.goto(`${course}/?src=${encodeURIComponent(src)}`);
  await expect(page.getByRole('heading', { name: 'Course page' })).toBeVisible();
  return page.frameLocator('iframe[title="FlowLab"]');
}

/** Whether the page's iframe was refused: Chromium shows its own error page instead of FlowLab's. */
async function expectRefused(page: Page, src: string) {
  await expect
    .poll(() => page.frames().map((f) => f.url()), { timeout: 10_000 })
    .toContain('chrome-error://chromewebdata/');
  expect(page.frames().some((f) => f.url() === src)).toBe(false);
  await expect(
    page.frameLocator('iframe[title="FlowLab"]').getByRole('button', { name: 'Next', exact: true }),
  ).toHaveCount(0);
}

let course: Awaited<ReturnType<typeof startCoursePage>>;
test.beforeAll(async () => {
  course = await startCoursePage();
});
test.afterAll(async () => {
  await course.close();
});

test('embeds may be framed by any origin by default; other pages and endpoints may not', async ({
  request,
}) => {
  const embed = await request.get(`${EMBED}?scenario=valid&step=3`);
  expect(embed.status()).toBe(200);
  expect(headerOf(embed, 'content-security-policy')).toContain('frame-ancestors *');
  expect(headerOf(embed, 'content-security-policy')).toContain("default-src 'self'");
  expect(headerOf(embed, 'x-frame-options')).toBeUndefined();
  expect(headerOf(embed, 'x-content-type-options')).toBe('nosniff');
  const html = await embed.text();
  expect(html).not.toContain('aria-label="Main"'); // no site header
  for (const path of [LEARN, '/', '/learn', '/present/client-credentials', '/token']) {
    const res = await request.get(path);
    expect(headerOf(res, 'content-security-policy'), path).toContain("frame-ancestors 'none'");
    expect(headerOf(res, 'x-frame-options'), path).toBe('DENY');
  }
  expect((await request.get('/embed/no-such-lesson/step')).status()).toBe(404);
  // Every lesson has its embed.
  const second = await request.get('/embed/client-credentials-private-key-jwt/step');
  expect(second.status()).toBe(200);
  expect(headerOf(second, 'content-security-policy')).toContain('frame-ancestors *');
});

test('the embedded stepper works inside another origin’s iframe: real requests, real answers', async ({
  page,
  baseURL,
}) => {
  const answered = (path: string) =>
    page.waitForResponse((r) => r.url() === `${baseURL}${path}` && r.status() === 200);
  const token = answered('/token');
  const embedded = await frame(
    page,
    `http://localhost:${course.port}`,
    `${baseURL}${EMBED}?scenario=valid&step=3`,
  );
  await expect(embedded.getByRole('heading', { level: 1 })).toContainText('step by step');
  await expect(embedded.getByText('Step 3 of 7', { exact: true })).toBeVisible();
  await expect(embedded.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await token; // the deep link ran steps 1..3 for real, from inside the iframe
  const next = embedded.getByRole('button', { name: 'Next', exact: true });
  await next.click();
  await expect(embedded.getByText('Step 4 of 7', { exact: true })).toBeVisible();
  await expect(embedded.getByText('200 OK').first()).toBeVisible();
  await next.click();
  await expect(embedded.getByText('Step 5 of 7', { exact: true })).toBeVisible();
  const api = answered('/api/data');
  await next.click();
  await api;
  await expect(embedded.getByText('Step 6 of 7', { exact: true })).toBeVisible();
  await expect(
    embedded
      .getByRole('region', { name: 'Variable tracker' })
      .getByRole('row', { name: /^api_response\b/ }),
  ).toContainText('API response data');
});

test('the embed on its own has one h1 and no serious accessibility violations', async ({
  page,
}) => {
  await page.goto(`${EMBED}?scenario=valid&step=2`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByText('Step 2 of 7', { exact: true })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
});

test('a normal page still refuses to be framed', async ({ page, baseURL }) => {
  await frame(page, `http://localhost:${course.port}`, `${baseURL}${LEARN}`);
  await expectRefused(page, `${baseURL}${LEARN}`);
});

test.describe('with FLOWLAB_EMBED_ORIGINS set', () => {
  test.describe.configure({ mode: 'serial' });
  let instance: Instance;
  let dataDir: string;
  let allowed: string;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    dataDir = await mkdtemp(join(tmpdir(), 'flowlab-embed-'));
    allowed = `http://localhost:${course.port}`;
    instance = nextInstance(await freePort(), {
      FLOWLAB_DATA_DIR: dataDir,
      FLOWLAB_EMBED_ORIGINS: `https://slides.example.com, ${allowed}`,
    });
    await instance.start();
  });
  test.afterAll(async () => {
    await instance?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('the embeds name exactly those origins; other pages still name none', async ({
    request,
  }) => {
    const embed = await request.get(`${instance.url}${EMBED}`);
    expect(headerOf(embed, 'content-security-policy')).toContain(
      `frame-ancestors https://slides.example.com ${allowed}`,
    );
    expect(headerOf(embed, 'x-frame-options')).toBeUndefined();
    const learn = await request.get(`${instance.url}${LEARN}`);
    expect(headerOf(learn, 'content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headerOf(learn, 'x-frame-options')).toBe('DENY');
  });

  test('a listed origin may frame the embed, an unlisted one may not', async ({ page }) => {
    const src = `${instance.url}${EMBED}?scenario=valid&step=1`;
    const embedded = await frame(page, allowed, src);
    await expect(embedded.getByText('Step 1 of 7', { exact: true })).toBeVisible();
    // The same course page under another host name is another origin, not on the list.
    await frame(page, `http://127.0.0.1:${course.port}`, src);
    await expectRefused(page, src);
  });
});
