import { expect, test } from '@playwright/test';

test('robots.txt lets crawlers read the lessons but not the endpoints or live rooms', async ({
  request,
}) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).toMatch(/^Allow: \/$/m);
  for (const path of ['/api/', '/token', '/present', '/follow/']) {
    expect(text).toContain(`Disallow: ${path}\n`);
  }
});

test('a lesson page names its Open Graph image, and the image is served', async ({
  page,
  request,
}) => {
  await page.goto('/learn/client-credentials');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/^https?:\/\/[^/]+\/og-image\.png$/);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');

  const png = await request.get(new URL(image!).pathname);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  const bytes = await png.body();
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
});

test('the favicon is the mark the header draws, inline: the browser requests no icon', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/learn/client-credentials/intro');
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute('type', 'image/svg+xml');
  const href = (await icon.getAttribute('href')) ?? '';
  expect(href.startsWith('data:image/svg+xml,')).toBe(true);
  const markup = decodeURIComponent(href.slice('data:image/svg+xml,'.length));
  expect(markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);

  const mark = page.getByRole('banner').locator('[aria-hidden="true"]:has(> svg)').first();
  await expect(mark).toBeVisible();
  // The same drawing: the icon's markup, parsed as the page parses it, is the header's.
  const sameDrawing = await mark.evaluate((el, svg) => {
    const parsed = document.createElement('template');
    parsed.innerHTML = svg;
    return parsed.innerHTML === el.innerHTML;
  }, markup);
  expect(sameDrawing).toBe(true);
  const box = await mark.boundingBox();
  expect(box?.width).toBe(24);
  expect(box?.height).toBe(24);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => /icon|favicon/.test(p))).toEqual([]);
});
