import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { useOwnAddress } from './own-address';

const PAGE = '/learn/client-credentials/side-by-side';
const METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;

// Each test's browser registers its own key: give it its own caller address (registration limit).
test.beforeEach(async ({ context }, info) => useOwnAddress(context, info));

function column(page: Page, method: string) {
  return page.getByRole('region', { name: method, exact: true });
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Sends every method and waits for each column's real answer. */
async function sendAll(page: Page) {
  const tokens = METHODS.map(() =>
    page.waitForResponse((r) => r.url().endsWith('/token') && r.request().method() === 'POST'),
  );
  await page.getByRole('button', { name: 'Send all three' }).click();
  await Promise.all(tokens);
  for (const method of METHODS)
    await expect(column(page, method).getByRole('region', { name: 'Answer' })).toContainText(
      'HTTP 200',
    );
}

test('the same token request, each method sent for real: three answers and what differs', async ({
  page,
}) => {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'Side by side' })).toBeVisible();
  await sendAll(page);
  const basic = column(page, 'client_secret_basic');
  const post = column(page, 'client_secret_post');
  // The highlighted parts are exactly where the credential travels.
  await expect(basic.locator('mark').filter({ hasText: /^Authorization: Basic / })).toHaveCount(1);
  await expect(basic.locator('mark').filter({ hasText: 'client_secret' })).toHaveCount(0);
  await expect(post.locator('mark').filter({ hasText: '&client_secret=xyz' })).toHaveCount(1);
  await expect(post.locator('mark').filter({ hasText: 'Authorization' })).toHaveCount(0);
  const jwt = column(page, 'private_key_jwt');
  await expect(jwt.locator('mark').filter({ hasText: /^&client_assertion=eyJ/ })).toHaveCount(1);
  await expect(jwt.locator('mark').filter({ hasText: /^&client_assertion_type=urn/ })).toHaveCount(
    1,
  );
  await expect(jwt.locator('mark').filter({ hasText: /^&client_id=learner-/ })).toHaveCount(1);
  await expect(jwt.getByLabel(/the request sent/)).not.toContainText('client_secret');
  await expect(jwt.getByRole('list', { name: /Checks, in the order/ }).first()).toContainText(
    'Assertion jti was never used before',
  );
  for (const c of [basic, post, jwt]) {
    await expect(c.getByLabel(/the request sent/)).toContainText('grant_type=client_credentials');
    await expect(c.locator('mark').filter({ hasText: 'grant_type' })).toHaveCount(0);
    // The server's own checks, from its FlowLab-Checks header.
    await expect(c.getByRole('list', { name: /Checks, in the order/ }).first()).toContainText(
      /Passed/,
    );
    await expect(c.getByLabel('Answer: body')).toContainText('"access_token"');
  }
  await expect(page.getByRole('table')).toContainText('A captured request replayed later');
});

test('a captured request replayed: the secret one gets another token, the assertion is refused', async ({
  page,
}) => {
  await page.goto(PAGE);
  await sendAll(page);
  const basic = column(page, 'client_secret_basic');
  await basic
    .getByRole('button', { name: 'Send it again (replay): the same client_secret_basic request' })
    .click();
  await expect(basic.getByRole('region', { name: 'Answer to the replay' })).toContainText(
    'HTTP 200',
  );
  const jwt = column(page, 'private_key_jwt');
  await jwt
    .getByRole('button', { name: 'Send it again (replay): the same private_key_jwt request' })
    .click();
  const refused = jwt.getByRole('region', { name: 'Answer to the replay' });
  await expect(refused).toContainText('HTTP 401');
  await expect(refused.getByLabel('Answer to the replay: body')).toContainText('invalid_client');
  await expect(refused.getByRole('listitem').filter({ hasText: 'Failed' })).toContainText(
    'Assertion jti was never used before',
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe after sending, and a screenshot, in ${scheme}`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(PAGE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await sendAll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: info.outputPath(`side-by-side-${scheme}.png`), fullPage: true });
  });
}

test('phone width: the columns stack and nothing overflows the page', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  await sendAll(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('side-by-side-phone.png'), fullPage: true });
});
