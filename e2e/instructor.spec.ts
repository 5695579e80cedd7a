import { expect, test } from '@playwright/test';
import { INSTRUCTOR_KEY } from './presenter-fixture';

test.describe('instructor sign-in', () => {
  test('signs in with the key at /present, and signs out', async ({ page }) => {
    await page.goto('/present');
    const key = page.getByLabel('Instructor key');
    await expect(key).toHaveAttribute('type', 'password');

    await key.fill('not-the-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'key' })).toHaveText(
      'That is not the instructor key.',
    );
    expect(new URL(page.url()).search).toBe('?signin=wrong-key');

    await page.getByLabel('Instructor key').fill(INSTRUCTOR_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Present a lesson' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/present');
    // The token is in an HttpOnly cookie: the page's JavaScript cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('flowlab_presenter');
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'flowlab_presenter');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    await page.getByRole('link', { name: 'Client credentials flow', exact: true }).click();
    await expect(page.getByTestId('step-position')).toHaveText('Start');
    const stats = () =>
      page.request.get('/api/live/stats', {
        headers: { Cookie: `flowlab_presenter=${cookie!.value}` },
      });
    expect((await stats()).status()).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('Instructor key')).toBeVisible();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('flowlab_presenter');
    await page.goto('/present/client-credentials');
    await expect(page.getByLabel('Instructor key')).toBeVisible();
    // signing out revoked the token (RFC 7009): a copy of the cookie no longer opens anything
    expect((await stats()).status()).toBe(401);
  });

  test('the printed ?key= link signs in and leaves no key in the address bar', async ({ page }) => {
    await page.goto(`/present/client-credentials?key=${encodeURIComponent(INSTRUCTOR_KEY)}`);
    await expect(page.getByTestId('step-position')).toHaveText('Start');
    expect(page.url()).not.toContain(INSTRUCTOR_KEY);
    expect(new URL(page.url()).pathname).toBe('/present/client-credentials');
    expect(new URL(page.url()).search).toBe('');
  });

  test('another site can neither sign a browser in nor out', async ({ request, baseURL }) => {
    const res = await request.post('/present/session', {
      form: { key: INSTRUCTOR_KEY, next: '/present' },
      headers: { Origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    expect(res.headers()['location']).toBe('/present?signin=cross-site');
    expect(res.headers()['set-cookie']).toBeUndefined();
    const outside = await request.get(`${baseURL}/present/session?next=https://evil.example`, {
      maxRedirects: 0,
    });
    expect(outside.headers()['location']).toBe('/present'); // no open redirect
  });

  test('a learner’s browser can neither reveal a credential nor reset the demo', async ({
    page,
  }) => {
    await page.goto('/learn/client-credentials/step');
    const statuses = await page.evaluate(async () => {
      const reveal = await fetch('/api/live/feed/1');
      const reset = await fetch('/api/live/reset', {
        method: 'POST',
        headers: { 'X-FlowLab-Confirm': 'reset' },
      });
      const feed = await fetch('/api/live/feed');
      return [reveal.status, reset.status, feed.status, reset.headers.get('www-authenticate')];
    });
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toMatch(/^Bearer /);
  });
});
