import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { checkLabels } from '../lib/protocol/checks';
import { expect, test } from './presenter-fixture';

const run = promisify(execFile);
const hasCurl = ['/usr/bin/curl', '/bin/curl', '/usr/local/bin/curl'].some((p) => existsSync(p));

/** Opens the presenter view and waits until it is interactive (the feed is connected). */
async function openPresenter(page: Page) {
  await page.goto('/present/client-credentials');
  await expect(page.getByTestId('feed-status')).toHaveText('Live');
}

test.describe('presenter view', () => {
  test('is driven from the keyboard', async ({ page }) => {
    await openPresenter(page);
    const position = page.getByTestId('step-position');
    await expect(position).toHaveText('Start');

    await page.keyboard.press('ArrowRight');
    await expect(position).toHaveText('Step 1/7');
    await page.keyboard.press('PageDown');
    await expect(position).toHaveText('Step 2/7');
    await expect(page.getByTestId('latest-exchange')).toContainText('POST /token');
    await page.keyboard.press('ArrowLeft');
    await expect(position).toHaveText('Step 1/7');
    await page.keyboard.press('End');
    await expect(position).toHaveText('Step 7/7');
    await page.keyboard.press('r');
    await expect(position).toHaveText('Start');

    // Number keys pick scenarios: 3 is the wrong secret.
    const scenario = page.getByLabel('Scenario');
    await page.keyboard.press('3');
    await expect(scenario).toHaveValue('wrong-secret');
    await page.keyboard.press('1');
    await expect(scenario).toHaveValue('valid');

    // l hides and shows the live feed; n shows the speaker notes.
    await page.keyboard.press('l');
    await expect(page.getByRole('heading', { name: 'Live requests' })).toBeHidden();
    await page.keyboard.press('l');
    await expect(page.getByRole('heading', { name: 'Live requests' })).toBeVisible();
    await page.keyboard.press('n');
    await expect(page.getByTestId('speaker-notes')).toContainText('Introduce the three parties');

    // ? opens the shortcut sheet as a modal dialog; Escape closes it; keys are inert meanwhile.
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('row', { name: /Toggle full screen/ })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(position).toHaveText('Start');

    // A scenario picked with the mouse leaves the clicker's keys to the stage.
    await scenario.selectOption('wrong-secret');
    await page.keyboard.press('PageDown');
    await expect(position).toHaveText('Step 1/7');
    await expect(scenario).toHaveValue('wrong-secret');
    await expect(scenario).not.toBeFocused();
    // Esc closes the open panel (the notes, opened with n above).
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('speaker-notes')).toBeHidden();

    // Play runs through the steps on its own.
    await page.keyboard.press(' ');
    await expect(position).toHaveText('Step 2/7', { timeout: 10_000 });
    await page.keyboard.press(' ');
  });

  test('j takes the focus into the room panel, two tabs from opening a room; Esc gives it back', async ({
    page,
  }) => {
    await openPresenter(page);
    await page.keyboard.press('j');
    const panel = page.getByRole('complementary', { name: 'Room and polls' });
    await expect(panel).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Close panel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Open a follow-me room' })).toBeFocused();
    // The clicker's keys still step the stage from inside the panel.
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('step-position')).toHaveText('Step 1/7');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(page.getByRole('button', { name: 'Room', exact: true })).toBeFocused();
  });

  test('fits a 1280x720 projector without scrolling', async ({ page, request }) => {
    // A layout check, not a timing one: a dozen expanded rows of the busy feed take their time
    // to click on a loaded 2-core CI machine (about 18 s of 30 in one run).
    test.setTimeout(60_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openPresenter(page);
    // A busy feed must scroll inside its panel, not push the page.
    for (let i = 0; i < 12; i += 1) {
      await request.post('/token', {
        form: {
          grant_type: 'client_credentials',
          client_id: i % 2 ? 'abc' : 'nobody',
          client_secret: i % 2 ? 'xyz' : 'nope',
        },
      });
    }
    await expect(page.locator('[data-feed-id]')).not.toHaveCount(0);
    // expand the newest rows' check lists (other tests' requests may keep arriving meanwhile)
    const summaries = page.getByText(/checks, (all passed|stopped)/);
    const expand = Math.min(12, await summaries.count());
    for (let i = 0; i < expand; i += 1) await summaries.nth(i).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-position')).toHaveText('Step 2/7');
    const overflow = await page.evaluate(() => {
      const view = document.querySelector('.fixed.inset-0');
      if (!view) return -1;
      return view.scrollHeight - view.clientHeight;
    });
    expect(overflow).toBe(0);
    await expect(page.getByRole('button', { name: 'Reset demo state…' })).toBeInViewport();

    // With the speaker notes open too, the diagram keeps labels the room can read.
    const labelPx = () =>
      page
        .getByRole('region', { name: 'Current step' })
        .locator('[data-node] text')
        .first()
        .evaluate((t) => t.getBoundingClientRect().height / t.querySelectorAll('tspan').length);
    const alone = await labelPx();
    await page.keyboard.press('n');
    await expect(page.getByTestId('speaker-notes')).toBeInViewport();
    expect(await labelPx()).toBeGreaterThanOrEqual(alone * 0.9);
    expect(await labelPx()).toBeGreaterThanOrEqual(14);
  });

  test('shows a request sent with curl from a terminal, with its checks, masked', async ({
    page,
    baseURL,
  }) => {
    test.skip(!hasCurl, 'curl is not installed on this machine');
    await openPresenter(page);
    const secret = `wrong-${Date.now()}`;
    await run('curl', [
      '-s',
      '-X',
      'POST',
      `${baseURL}/token`,
      '-d',
      `grant_type=client_credentials&client_id=abc123&client_secret=${secret}`,
    ]);

    await page.getByLabel('Client', { exact: true }).selectOption('abc123');
    const row = page.getByRole('listitem').filter({ hasText: 'client abc123' }).first();
    await expect(row).toContainText('POST /token');
    await expect(row).toContainText('401 invalid_client');
    await expect(row).toContainText(`Failed check: ${checkLabels['secret-matches']}`);
    const checks = row.getByRole('list', { name: /Checks/ });
    await expect(checks.getByRole('listitem').first()).toContainText(checkLabels.method);
    await expect(checks.getByRole('listitem').last()).toContainText(
      `Failed: ${checkLabels['secret-matches']}`,
    );
    await expect(
      checks.getByRole('listitem').filter({ hasText: checkLabels['client-known'] }),
    ).toContainText('Passed');

    // Masked by default; revealed on demand; hidden again.
    const credential = row.getByTestId('credential');
    await expect(credential).toHaveText('wr•••');
    await expect(row).not.toContainText(secret);
    await row.getByRole('button', { name: /Reveal/ }).click();
    await expect(credential).toHaveText(secret);
    await row.getByRole('button', { name: /Hide/ }).click();
    await expect(credential).toHaveText('wr•••');

    // Readable from the back of the room: no text in the row under 16 px.
    const sizes = await row.evaluate((li) =>
      [...li.querySelectorAll('*')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .map((el) => parseFloat(getComputedStyle(el).fontSize)),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    await openPresenter(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('n');
    await expect(page.getByTestId('step-position')).toHaveText('Step 2/7');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });

  test('speaker notes window follows the presenter', async ({ page, context }) => {
    await openPresenter(page);
    const notes = await context.newPage();
    await notes.goto('/present/client-credentials/notes');
    await expect(notes.getByTestId('notes-position')).toContainText('Start');
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(notes.getByTestId('notes-position')).toContainText('step 3 of 7');
    await expect(notes.getByTestId('speaker-notes')).toContainText('decision diamond');

    // On the wrong secret's run, the notes are those of what the run recorded: no token.
    await page.bringToFront();
    await page.keyboard.press('3');
    await expect(page.getByLabel('Scenario')).toHaveValue('wrong-secret');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-position')).toHaveText('Step 4/7');
    const shown = notes.getByTestId('speaker-notes');
    await expect(notes.getByTestId('notes-position')).toContainText('step 4 of 7');
    await expect(shown.getByRole('heading')).toHaveText('Notes: step 4, Error response, no token');
    await expect(shown).toContainText('No token this time');
    await expect(shown).not.toContainText('A 200 with access_token');
    await expect(shown).toContainText('Next: step 5; this run stays on its No branch.');
    // The presenter's own Notes panel says the same.
    await page.keyboard.press('n');
    await expect(page.getByTestId('speaker-notes')).toContainText('No token this time');
  });
});
