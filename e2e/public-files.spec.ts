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
