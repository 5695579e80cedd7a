import { expect, test, type Page } from '@playwright/test';
import { lesson } from '../lib/lessons/client-credentials';
import { holdScripts } from './before-hydration';

const base = '/learn/client-credentials';
const easy = lesson.practice.filter((q) => q.difficulty === 'easy').length;
const total = lesson.practice.length;

function question(page: Page, prompt: RegExp) {
  return page.getByRole('article', { name: prompt });
}

async function openQuiz(page: Page) {
  await page.goto(`${base}/quiz`);
  await expect(page.getByText('Your run is in')).toBeVisible({ timeout: 15_000 });
}

test.describe('visual quiz bound to the live run', () => {
  test('asks about the real token the server just issued, with feedback and score', async ({
    page,
  }) => {
    await openQuiz(page);
    await expect(page.getByText('Score: 0 / 3')).toBeVisible();

    const token = question(page, /value of access_token after step 4/);
    // Wrong first: "Bearer" is the token type, not the token.
    await token.getByRole('radio', { name: 'Bearer', exact: true }).check();
    await token.getByRole('button', { name: 'Check answer' }).click();
    await expect(token.getByText('Not quite')).toBeVisible();
    await expect(token.getByText('your answer, incorrect')).toBeVisible();
    await expect(page.getByText('Score: 0 / 3')).toBeVisible();

    // Retry with the real JWT (its option starts with eyJ, the full value is in the accessible name).
    await token.getByRole('button', { name: 'Try again' }).click();
    // the focus goes to the options, not back to the top of the page
    await expect(token.getByRole('radio').first()).toBeFocused();
    await token.getByRole('radio', { name: /^eyJ/ }).check();
    await token.getByRole('button', { name: 'Check answer' }).click();
    await expect(token.getByText('Correct.')).toBeVisible();
    await expect(
      token.getByText(/Your run: In your run, step 4 set access_token to eyJ/),
    ).toBeVisible();
    await expect(page.getByText('Score: 1 / 3')).toBeVisible();

    const validation = question(page, /which step does the authorization server validate/);
    await validation.getByRole('radio', { name: 'Step 3', exact: true }).check();
    await validation.getByRole('button', { name: 'Check answer' }).click();
    await expect(validation.getByText('Correct.')).toBeVisible();

    const branch = question(page, /client_secret were wrong/);
    // The right option carries the server's real answer to a wrong secret.
    const right = branch.getByRole('radio', { name: /401 invalid_client instead of a token/ });
    await expect(right).toBeVisible();
    await branch.getByRole('radio', { name: /issue a token anyway/ }).check();
    await branch.getByRole('button', { name: 'Check answer' }).click();
    await expect(branch.getByText('Not quite')).toBeVisible();
    await expect(page.getByText('Score: 2 / 3')).toBeVisible();
  });

  test('each hint links to the step that answers it', async ({ page }) => {
    await openQuiz(page);
    const branch = question(page, /client_secret were wrong/);
    await branch.getByText('Hint').click();
    const link = branch.getByRole('link', {
      name: 'Replay step 3 in the visualizer (a fresh run, with a new token)',
    });
    await expect(link).toHaveAttribute('href', `${base}/step?scenario=wrong-secret&step=3`);
    const token = question(page, /value of access_token/);
    await token.getByText('Hint').click();
    await expect(
      token.getByRole('link', {
        name: 'Replay step 4 in the visualizer (a fresh run, with a new token)',
      }),
    ).toHaveAttribute('href', `${base}/step?scenario=valid&step=4`);
    await token
      .getByRole('link', {
        name: 'Replay step 4 in the visualizer (a fresh run, with a new token)',
      })
      .click();
    await expect(page).toHaveURL(/\/step\?scenario=valid&step=4/);
  });

  test('shows the learner’s own table and tracker; a hint marks the very cell, row or branch', async ({
    page,
  }) => {
    await openQuiz(page);
    const run = page.getByRole('region', { name: 'Your run' });
    const table = run.getByRole('region', { name: 'Execution table' });
    await expect(table.getByRole('row', { name: /^2\b/ })).toContainText('200');
    await expect(table).toContainText('Authorization: Basic');
    // the whole run is shown: its last step ran too, so no row reads as expected only
    await expect(table.getByRole('row').last()).toContainText('Process complete');
    await expect(table.getByText('(expected, not run yet)')).toHaveCount(0);

    const token = question(page, /value of access_token/);
    await token.getByText('Hint').click();
    await token.getByRole('button', { name: 'Show it in your run' }).click();
    const marked = run
      .getByRole('region', { name: 'Variable tracker' })
      .locator('td[data-highlight]');
    await expect(marked).toHaveCount(1);
    await expect(marked).toContainText('eyJ');
    await expect(marked).toContainText('the hint points here');

    const branch = question(page, /client_secret were wrong/);
    await branch.getByText('Hint').click();
    await branch.getByRole('button', { name: 'Show it in your run' }).click();
    await expect(run.getByRole('button', { name: 'Wrong client secret' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(
      run.getByText('The hint points at the branch: Credentials valid? → No'),
    ).toBeVisible();
    await expect(table.locator('tr[data-highlight]')).toContainText('No: 401 invalid_client');
    await expect(table.getByRole('row', { name: /^2\b/ })).toContainText('401');
  });

  test('running again gets a new token from the server', async ({ page }) => {
    await openQuiz(page);
    const option = question(page, /value of access_token/).getByRole('radio', { name: /^eyJ/ });
    const first = await option
      .getAttribute('value')
      .then(async () => option.evaluate((el) => el.closest('label')?.textContent));
    await page.getByRole('button', { name: 'Run the flow again' }).click();
    await expect(page.getByText('Your run is in')).toBeVisible({ timeout: 15_000 });
    const second = await option.evaluate((el) => el.closest('label')?.textContent);
    expect(second).toMatch(/eyJ/);
    expect(second).not.toBe(first);
  });
});

test.describe('practice', () => {
  test('filters by difficulty', async ({ page }) => {
    await page.goto(`${base}/practice`);
    const questions = page.getByRole('region', { name: 'Questions' }).getByRole('article');
    // every question, once the page lists those below its first screen
    await expect(questions).toHaveCount(total);
    const all = total;
    expect(all).toBeGreaterThanOrEqual(10);
    let sum = 0;
    for (const level of ['easy', 'medium', 'hard']) {
      await page.getByRole('radio', { name: new RegExp(`^${level}`) }).check();
      // only that level is listed: at once, or once the page has taken a pick made before it
      // was interactive (useEarlyEdits)
      await expect(questions.filter({ hasNotText: level })).toHaveCount(0);
      const n = await questions.count();
      expect(n).toBeGreaterThanOrEqual(3);
      sum += n;
    }
    expect(sum).toBe(all);
    await page.getByRole('radio', { name: /^all/ }).check();
    await expect(questions).toHaveCount(all);
  });

  test('gives immediate feedback, a worked solution, retry, and a score per difficulty', async ({
    page,
  }) => {
    await page.goto(`${base}/practice`);
    await page.getByRole('radio', { name: /^easy/ }).check();
    const q = question(page, /Which HTTP method does a client use/);
    const score = page.getByRole('region', { name: 'Your score' });
    await expect(score.getByRole('row', { name: /easy/i })).toContainText(`0 / ${easy}`);

    await q.getByRole('radio', { name: 'GET', exact: true }).check();
    await q.getByRole('button', { name: 'Check answer' }).click();
    await expect(q.getByText('Not quite')).toBeVisible();
    await q.getByText('Worked solution', { exact: true }).click();
    await expect(q.getByText('RFC 6749 §3.2: the client MUST use HTTP POST')).toBeVisible();
    await expect(q.getByText('Common mistakes')).toBeVisible();
    await expect(q.getByText('1 attempt')).toBeVisible();

    await q.getByRole('button', { name: 'Try again' }).click();
    await expect(q.getByRole('radio', { name: 'GET', exact: true })).not.toBeChecked();
    await q.getByRole('radio', { name: 'POST', exact: true }).check();
    await q.getByRole('button', { name: 'Check answer' }).click();
    await expect(q.getByText('Correct.')).toBeVisible();
    await expect(q.getByText('2 attempts')).toBeVisible();
    await expect(score.getByRole('row', { name: /easy/i })).toContainText(`1 / ${easy}`);
    await expect(score.getByRole('row', { name: /Total/ })).toContainText(`1 / ${total}`);
  });

  test('an answer picked before the page is interactive is the one checked', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto(`${base}/practice`, { waitUntil: 'commit' });
    await page.getByRole('radio', { name: /^easy/ }).check();
    const q = question(page, /Which HTTP method does a client use/);
    await q.getByRole('radio', { name: 'POST', exact: true }).check();
    await release();
    await expect(page.getByRole('region', { name: 'Your score' })).toContainText(`0 / ${easy}`);
    await expect(q.getByRole('radio', { name: 'POST', exact: true })).toBeChecked();
    await q.getByRole('button', { name: 'Check answer' }).click();
    await expect(q.getByText('Correct.')).toBeVisible();
    // the difficulty picked early filters too: only the easy questions are listed
    for (const article of await page.getByRole('article').all())
      await expect(article).toContainText(/^easy/i);
  });

  test('a "try it" link opens the scenario that demonstrates the answer', async ({ page }) => {
    await page.goto(`${base}/practice`);
    const q = question(page, /fails with 400 invalid_request/);
    await q.getByRole('radio', { name: /body is JSON/ }).check();
    await q.getByRole('button', { name: 'Check answer' }).click();
    await expect(q.getByText('Correct.')).toBeVisible();
    const tryIt = q.getByRole('link', { name: /Try it: run the json-body scenario/ });
    await expect(tryIt).toHaveAttribute('href', `${base}/step?scenario=json-body&step=2`);
  });
});
