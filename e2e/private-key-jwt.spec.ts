import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { checkLabels } from '../lib/protocol/checks';
import { useOwnAddress } from './own-address';

const BASE = '/learn/client-credentials-private-key-jwt';
const PAGE = `${BASE}/step`;

test.beforeEach(async ({ context }, info) => useOwnAddress(context, info));

function trackerCell(page: Page, name: string, column: number) {
  return page
    .getByRole('region', { name: 'Variable tracker' })
    .getByRole('row', { name: new RegExp(`^${name}\\b`) })
    .getByRole('cell')
    .nth(column);
}

async function goTo(page: Page, step: number) {
  await page.getByRole('button', { name: new RegExp(`^Step ${step}:`) }).click();
  await expect(page.getByText(`Step ${step} of 9`, { exact: true })).toBeVisible();
}

test('walks the private_key_jwt lesson: a key made here, an assertion signed here, a real token, API data', async ({
  page,
}) => {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'Step-by-step' })).toBeVisible();
  await goTo(page, 2);
  await expect(trackerCell(page, 'kid', 1)).not.toHaveText('None');
  await expect(trackerCell(page, 'client_id', 2)).toContainText(/^learner-/);
  const clientId = /learner-[\w-]+/.exec(
    (await page.getByTestId('step-note').textContent()) ?? '',
  )?.[0];
  expect(clientId).toBeDefined();

  await goTo(page, 4);
  await expect(trackerCell(page, 'client_assertion', 4)).toContainText(/^eyJ/);
  await expect(page.getByText('The request the client prepared (not sent yet)')).toBeVisible();
  await expect(page.getByText(/client_assertion_type=urn/).first()).toBeVisible();

  await goTo(page, 7);
  await expect(trackerCell(page, 'access_token', 7)).toContainText(/^eyJ/);
  await goTo(page, 8);
  await expect(trackerCell(page, 'http_status', 8)).toContainText('200');
  await expect(trackerCell(page, 'api_response', 8)).toContainText(`"client_id":"${clientId}"`);

  // The private key is in this browser's IndexedDB, and it cannot be read out.
  const extractable = await page.evaluate(
    () =>
      new Promise<boolean | null>((resolve) => {
        const open = indexedDB.open('flowlab-learner');
        open.onsuccess = () => {
          const get = open.result.transaction('learner').objectStore('learner').get('record');
          get.onsuccess = () =>
            resolve(
              (get.result as { keyPair?: CryptoKeyPair } | undefined)?.keyPair?.privateKey
                .extractable ?? null,
            );
        };
      }),
  );
  expect(extractable).toBe(false);

  // A reload reuses the same key and the same registration.
  await page.reload();
  await goTo(page, 2);
  await expect(page.getByTestId('step-note')).toContainText(`${clientId} (`);
  await expect(page.getByTestId('step-note')).toContainText('reused');
});

test('a replayed assertion: the server accepts it once, then refuses it at the jti check', async ({
  page,
}) => {
  await page.goto(`${PAGE}?scenario=replayed-jti`);
  await expect(page.getByLabel('Scenario')).toHaveValue('replayed-jti');
  await goTo(page, 6);
  await expect(page.getByTestId('step-note')).toContainText(
    `The check that failed: ${checkLabels['assertion-jti']}.`,
  );
  await expect(page.getByRole('img', { name: /Assertion valid\? No/ })).toBeVisible();
  const explainer = page.getByTestId('error-explainer');
  await expect(explainer).toContainText('401');
  await expect(explainer).toContainText('invalid_client');
  await page.getByRole('button', { name: 'Last step' }).click();
  await expect(trackerCell(page, 'access_token', 9)).toHaveText('None');
});

test('wrong audience and the expired assertion show the server’s failing check', async ({
  page,
}) => {
  await page.goto(`${PAGE}?scenario=wrong-aud&step=6`);
  await expect(page.getByText('Step 6 of 9', { exact: true })).toBeVisible();
  await expect(page.getByTestId('step-note')).toContainText(
    `The check that failed: ${checkLabels['assertion-aud']}.`,
  );
  await page.goto(`${PAGE}?scenario=expired-assertion&step=5`);
  await expect(page.getByRole('timer')).toContainText(
    'Server clock fast-forwarded 63 s for your own client only',
  );
  await goTo(page, 6);
  await expect(page.getByTestId('step-note')).toContainText(
    `The check that failed: ${checkLabels['assertion-time']}.`,
  );
});

test('the visual quiz asks about this browser’s own run', async ({ page }) => {
  await page.goto(`${BASE}/quiz`);
  await expect(page.getByText('Your run is in')).toBeVisible({ timeout: 20_000 });
  const client = page.getByRole('article', { name: /value of client_id after step 2/ });
  await client.getByRole('radio', { name: /^learner-/ }).check();
  await client.getByRole('button', { name: 'Check answer' }).click();
  await expect(client.getByText('Correct.')).toBeVisible();
  const replay = page.getByRole('article', { name: /same assertion were sent a second time/ });
  await replay.getByRole('radio', { name: /401 invalid_client instead of a token/ }).check();
  await replay.getByRole('button', { name: 'Check answer' }).click();
  await expect(replay.getByText('Correct.')).toBeVisible();
});

test('every learning mode of the lesson renders, and the home page lists both lessons', async ({
  page,
}) => {
  for (const mode of [
    '',
    '/intro',
    '/flow',
    '/examples',
    '/key-moments',
    '/practice',
    '/snapshot',
    '/transcript',
    '/notes',
  ]) {
    await page.goto(`${BASE}${mode}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto('/');
  const list = page.getByRole('region', { name: 'Lessons' });
  await expect(list.getByRole('link', { name: /private_key_jwt/ }).first()).toHaveAttribute(
    'href',
    BASE,
  );
});

test('the step page has no serious accessibility violations', async ({ page }) => {
  await page.goto(`${PAGE}?scenario=valid&step=4`);
  await expect(page.getByText('Step 4 of 9', { exact: true })).toBeVisible();
  const result = await new AxeBuilder({ page }).analyze();
  expect(
    result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);
});
