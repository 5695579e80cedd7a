import { expect, test } from './presenter-fixture';

// Resetting the demo state clears the feed, revocations and lockouts for everyone on the server,
// so this spec runs in its own Playwright project after every other browser test has finished
// (see playwright.config.ts): it can neither disturb nor be disturbed by a parallel test.

test('the presenter resets the demo state only after confirmation', async ({ page, request }) => {
  await page.goto('/present/client-credentials');
  await expect(page.getByTestId('feed-status')).toHaveText('Live');
  await request.post('/token', {
    form: { grant_type: 'client_credentials', client_id: 'myapp123', client_secret: 'secret456' },
  });
  await expect(
    page.getByRole('listitem').filter({ hasText: 'client myapp123' }).first(),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Reset demo state…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the demo state?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'client myapp123' }).first(),
  ).toBeVisible();

  // lock a client out, so the reset has a lockout counter to clear
  const lockoutDemo = (secret: string) =>
    request.post('/token', {
      form: { grant_type: 'client_credentials', client_id: 'lockout-demo', client_secret: secret },
    });
  for (let i = 0; i < 10; i++) await lockoutDemo(`guess-${i}`);
  expect((await lockoutDemo('lockout-secret')).status()).toBe(429);

  await page.getByRole('button', { name: 'Reset demo state…' }).click();
  await dialog.getByRole('button', { name: 'Reset demo state' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No requests yet.')).toBeVisible();
  expect((await lockoutDemo('lockout-secret')).status()).toBe(200);
});
