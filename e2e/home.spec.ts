import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`home page (${colorScheme})`, () => {
    test.use({ colorScheme });

    test('explains FlowLab, links to the lesson and instructor mode, lists endpoints and clients', async ({
      page,
      baseURL,
    }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect(page.getByRole('heading', { level: 1, name: 'FlowLab' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Start the lesson' })).toHaveAttribute(
        'href',
        '/learn/client-credentials',
      );
      await expect(page.getByRole('link', { name: /instructor mode/ })).toHaveAttribute(
        'href',
        '/present/client-credentials',
      );

      const endpoints = page.getByRole('region', { name: 'The endpoints' });
      for (const path of [
        '/token',
        '/api/data',
        '/introspect',
        '/revoke',
        '/.well-known/oauth-authorization-server',
        '/.well-known/oauth-protected-resource/api',
        '/.well-known/jwks.json',
      ]) {
        await expect(endpoints.getByText(path, { exact: true })).toBeVisible();
      }

      const clients = page.getByRole('table', { name: /Demo clients/ });
      for (const [id, secret] of [
        ['abc', 'xyz'],
        ['myapp123', 'secret456'],
        ['abc123', 'secret456'],
        ['reporting-bot', 'reports-secret'],
        ['short-lived', 'short-secret'],
        ['legacy-portal', 'portal-secret'],
      ]) {
        const row = clients.getByRole('row', { name: new RegExp(`^${id} `) });
        await expect(row.getByRole('cell', { name: secret, exact: true })).toBeVisible();
      }
      // the lockout sentence names the clients it applies to, as the server has them
      await expect(page.getByRole('region', { name: 'Demo clients' })).toContainText(
        '10 wrong secrets within 60 seconds from one address lock a client out, for that address, until the window is over. That applies to lockout-demo only: the other secrets here are public',
      );

      await expect(
        page.getByText(
          `curl -X POST ${baseURL}/token -H 'Content-Type: application/x-www-form-urlencoded' -d 'grant_type=client_credentials&client_id=myapp123&client_secret=secret456'`,
        ),
      ).toBeVisible();
    });

    for (const width of [1280, 390]) {
      test(`has no serious or critical accessibility violations at ${width} px`, async ({
        page,
      }) => {
        // At phone width the client table scrolls in its own box, which must take the focus.
        await page.setViewportSize({ width, height: 900 });
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical',
        );
        expect(
          bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });
    }
  });
}

test('the curl line on the page works against this server', async ({ page, request }) => {
  await page.goto('/');
  const line = await page.getByText(/^curl -X POST /).textContent();
  const data = /-d '([^']+)'/.exec(line ?? '')![1]!;
  const res = await request.post(/-X POST (\S+)/.exec(line ?? '')![1]!, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data,
  });
  expect(res.status()).toBe(200);
});

test('is usable at 375 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Start the lesson' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
