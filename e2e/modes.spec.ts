import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { holdScripts } from './before-hydration';

const base = '/learn/client-credentials';

/** Every mode page of the lesson, with the heading it must show. */
const modes = [
  { path: 'intro', heading: 'Introduction' },
  { path: 'flow', heading: 'Concept flow' },
  { path: 'examples', heading: 'Syntax & examples' },
  { path: 'side-by-side', heading: 'Side by side' },
  { path: 'key-moments', heading: 'Key moments' },
  { path: 'quiz', heading: 'Visual quiz' },
  { path: 'practice', heading: 'Practice' },
  { path: 'snapshot', heading: 'Concept snapshot' },
  { path: 'transcript', heading: 'Full transcript' },
  { path: 'notes', heading: 'Notes & summary' },
  { path: 'sandbox', heading: 'Sandbox' },
  { path: 'challenges', heading: 'Challenges' },
] as const;

/**
 * Collects console errors and uncaught exceptions. The browser also logs every 4xx the real server
 * answers ("Failed to load resource"): those are the lesson's expected error responses, not bugs.
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    ) {
      errors.push(m.text());
    }
  });
  return errors;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('every mode has its own URL', () => {
  for (const mode of modes) {
    test(`${mode.path} renders with its heading, title and nav, without console errors`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await page.goto(`${base}/${mode.path}`);
      await expect(page.getByRole('heading', { level: 1, name: mode.heading })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`^${mode.heading} — Client credentials flow`));
      const nav = page.getByRole('navigation', { name: 'Learning modes' });
      await expect(nav.getByRole('link', { name: mode.heading })).toHaveAttribute(
        'aria-current',
        'page',
      );
      if (mode.path === 'quiz')
        await expect(page.getByText('Your run is in')).toBeVisible({ timeout: 15_000 });
      expect(errors).toEqual([]);
    });
  }

  test('the lesson page offers every mode, and the nav reaches the step-by-step page', async ({
    page,
  }) => {
    await page.goto(base);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Client credentials flow' }),
    ).toBeVisible();
    const chooser = page.getByRole('region', { name: 'Choose how to learn' });
    for (const mode of modes)
      await expect(
        chooser.getByRole('link', { name: new RegExp(`^${mode.heading}`) }),
      ).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Learning modes' })
      .getByRole('link', { name: 'Step-by-step' })
      .click();
    await expect(page).toHaveURL(/\/learn\/client-credentials\/step/);
  });

  test('the lessons list links to the lesson', async ({ page }) => {
    await page.goto('/learn');
    await page.getByRole('link', { name: 'Client credentials flow' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Client credentials flow' }),
    ).toBeVisible();
  });

  test('an unknown lesson is a 404', async ({ page }) => {
    const response = await page.goto('/learn/no-such-lesson/intro');
    expect(response?.status()).toBe(404);
  });
});

test.describe('accessibility (axe: no serious or critical violations)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const mode of [{ path: '', heading: 'Client credentials flow' }, ...modes]) {
      test(`${mode.path || 'lesson page'} in ${scheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${base}/${mode.path}`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await expect(page.getByRole('heading', { level: 1, name: mode.heading })).toBeVisible();
        if (mode.path === 'quiz')
          await expect(page.getByText('Your run is in')).toBeVisible({ timeout: 15_000 });
        if (mode.path === 'practice')
          await expect(page.getByText('Loading your progress')).toHaveCount(0);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});

test.describe('syntax and examples', () => {
  test('snippets follow the learner’s values, and "Send it" shows the real response', async ({
    page,
  }) => {
    await page.goto(`${base}/examples`);
    await page.getByLabel('client_id').fill('abc');
    await page.getByLabel('client_secret', { exact: true }).fill('xyz');
    const sample = page.getByRole('tabpanel');
    // HTTP Basic is the default (RFC 6749 §2.3.1: body credentials are NOT RECOMMENDED).
    await expect(page.getByRole('radio', { name: /HTTP Basic/ })).toBeChecked();
    await expect(sample).toContainText('Authorization: Basic YWJjOnh5eg==');
    await page.getByRole('tab', { name: /curl/ }).click();
    await expect(sample).toContainText('curl -X POST');
    await expect(sample).toContainText('/token');
    await page.getByRole('tab', { name: /Python/ }).click();
    await expect(sample).toContainText('import requests');
    await page.getByRole('radio', { name: /Form fields in the body/ }).check();
    await page.getByRole('tab', { name: /raw HTTP/ }).click();
    await expect(sample).toContainText('client_id=abc&client_secret=xyz');

    await page.getByRole('button', { name: 'Send it' }).click();
    const response = page.getByRole('region', { name: 'Response to POST /token' });
    await expect(response).toContainText('HTTP 200');
    await expect(response).toContainText('"access_token": "eyJ');
    await page.getByRole('button', { name: 'Call GET /api/data with this token' }).click();
    await expect(
      page.getByRole('region', { name: 'Response to GET /api/data with the token' }),
    ).toContainText('HTTP 200');
  });

  test('a wrong secret gets the server’s real 401 invalid_client', async ({ page }) => {
    await page.goto(`${base}/examples`);
    await page.getByLabel('client_secret', { exact: true }).fill('not-the-secret');
    await page.getByRole('button', { name: 'Send it' }).click();
    const response = page.getByRole('region', { name: 'Response to POST /token' });
    await expect(response).toContainText('HTTP 401');
    await expect(response).toContainText('invalid_client');
  });
});

test.describe('sandbox', () => {
  test('sends the learner’s own request and shows the real answer', async ({ page }) => {
    await page.goto(`${base}/sandbox`);
    await page.getByRole('button', { name: 'Token, JSON body (error)' }).click();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('invalid_request');

    await page.getByRole('button', { name: 'Token, HTTP Basic' }).click();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('HTTP 200');
    await page.getByRole('button', { name: 'Use the token on /api/data' }).click();
    await expect(page.getByRole('combobox', { name: /^Method/ })).toHaveValue('GET');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('HTTP 200');

    await page.getByRole('combobox', { name: /^Method/ }).selectOption('DELETE');
    await page.getByLabel('Path', { exact: true }).fill('/token');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('HTTP 405');

    // another host is refused with a reason; a full URL of this app, as curl lines show it, is sent
    const path = page.getByLabel('Path', { exact: true });
    const elsewhereAlert = page.getByRole('alert').filter({ hasText: 'sends only to this app' });
    for (const elsewhere of ['//example.com/token', '/\\example.com/token']) {
      await path.fill(elsewhere);
      await expect(elsewhereAlert).toBeVisible();
      await expect(path).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByRole('button', { name: 'Send request' })).toBeDisabled();
    }
    await page.getByRole('combobox', { name: /^Method/ }).selectOption('PUT');
    await path.fill(new URL('/token', page.url()).toString());
    await expect(elsewhereAlert).toHaveCount(0);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('HTTP 405');
  });
});

test('sandbox: presses made before the page is interactive are kept and made, in order, after', async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto(`${base}/sandbox`, { waitUntil: 'commit' });
  const preset = page.getByRole('button', { name: 'Token, JSON body (error)' });
  const send = page.getByRole('button', { name: 'Send request' });
  await preset.click();
  await send.click();
  // taken, and shown as waiting; no native submit reloaded the page
  await expect(send).toHaveAttribute('data-early-pending', '');
  await expect(page.getByRole('region', { name: 'Response' })).toHaveCount(0);
  await release();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('invalid_request');
  await expect(send).not.toHaveAttribute('data-early-pending');
});

test('the transcript prints without the navigation', async ({ page }) => {
  await page.goto(`${base}/transcript`);
  await expect(page.getByRole('navigation', { name: 'Learning modes' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Learning modes' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Step by step' })).toBeVisible();
});

test.describe('on a 390 px phone nothing widens the page', () => {
  const overflow = (page: Page) =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  for (const lesson of ['client-credentials', 'client-credentials-private-key-jwt'])
    for (const mode of [...modes.map((m) => m.path), 'step'] as const)
      test(`${lesson}: ${mode}`, async ({ page }) => {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`/learn/${lesson}/${mode}${mode === 'step' ? '?step=1' : ''}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (mode === 'quiz')
          await expect(page.getByRole('article').first().getByRole('radio').first()).toBeVisible();
        if (mode === 'sandbox') {
          await page.getByRole('button', { name: 'Send request' }).click();
          await expect(page.getByRole('region', { name: 'Response' })).toContainText('HTTP');
        }
        if (mode === 'step') await expect(page.getByText(/Step 1 of \d/).first()).toBeVisible();
        expect(await overflow(page)).toBeLessThanOrEqual(0);
      });
});

test('lesson 2’s sandbox signs a fresh assertion with this browser’s key: 200, then a replay is refused', async ({
  page,
}) => {
  await page.goto('/learn/client-credentials-private-key-jwt/sandbox');
  await page.getByRole('button', { name: 'Token, private_key_jwt (signed now)' }).click();
  const body = page.getByLabel(/^Body/);
  await expect(body).toHaveValue(
    /client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer/,
  );
  await expect(body).toHaveValue(/(^|&)client_assertion=ey[\w-]+\.[\w-]+\.[\w-]+(&|$)/);
  await expect(page.getByLabel(/^Headers/)).toHaveValue(
    /Content-Type: application\/x-www-form-urlencoded/,
  );
  await page.getByRole('button', { name: 'Send request' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('HTTP 200');
  await expect(response).toContainText('access_token');
  // The same assertion again: its jti is used (RFC 7523 §3, item 7).
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(response).toContainText('HTTP 401');
  await expect(response).toContainText('invalid_client');
  // Lesson 1's sandbox has no such preset: its clients have secrets.
  await page.goto('/learn/client-credentials/sandbox');
  await expect(page.getByRole('button', { name: 'Token, HTTP Basic' })).toBeVisible();
  await expect(page.getByRole('button', { name: /private_key_jwt/ })).toHaveCount(0);
});
