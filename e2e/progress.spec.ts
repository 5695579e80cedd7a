import { expect, test, type Page } from '@playwright/test';
import { modes } from '../components/modes/modes';
import { lesson } from '../lib/lessons/client-credentials';

const base = '/learn/client-credentials';
const KEY = 'flowlab-progress';
/** How many practice questions the lesson has (the score's denominator). */
const total = lesson.practice.length;

async function answerPurpose(page: Page) {
  const q = page.getByRole('article', { name: /What is the client credentials flow for/ });
  await q.getByRole('radio', { name: /proving its own identity/ }).check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.getByText('Correct.')).toBeVisible();
  return q;
}

/** Stores `raw` as the saved progress before the first page load only (reloads keep what the app wrote). */
async function seedStoredProgress(page: Page, raw: string) {
  await page.addInitScript(
    ({ key, value }) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, value);
    },
    { key: KEY, value: raw },
  );
}

function totalRow(page: Page) {
  return page.getByRole('region', { name: 'Your score' }).getByRole('row', { name: /Total/ });
}

test('progress survives a reload and shows on the lesson page', async ({ page }) => {
  await page.goto(`${base}/practice`);
  await answerPurpose(page);
  await page.reload();
  await expect(
    page
      .getByRole('article', { name: /What is the client credentials flow for/ })
      .getByText('Correct.'),
  ).toBeVisible();
  await expect(totalRow(page)).toContainText(`1 / ${total}`);

  await page.goto(`${base}/intro`);
  // the visit is saved once the page has hydrated; leave only after that, as a reader would
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', KEY))
    .toContain('"intro":');
  await page.goto(base);
  const summary = page.getByRole('region', { name: 'Your progress' });
  await expect(summary).toContainText(`1 / ${total} correct (1 answered)`);
  await expect(summary).toContainText(new RegExp(`Modes visited\\s*2 of ${modes.length}`));
  const chooser = page.getByRole('region', { name: 'Choose how to learn' });
  await expect(chooser.getByRole('link', { name: /^Introduction.*visited/ })).toBeVisible();
  await expect(chooser.getByRole('link', { name: /^Sandbox/ })).not.toContainText('visited');
});

test('the last step reached in the visualizer is remembered', async ({ page }) => {
  await seedStoredProgress(
    page,
    JSON.stringify({
      state: {
        lessons: {
          'client-credentials': {
            modes: {},
            lastStep: { step: 4, scenario: 'wrong-secret', at: 1 },
            practice: {},
            visualQuiz: {},
          },
        },
      },
      version: 2,
    }),
  );
  await page.goto(base);
  await expect(
    page.getByRole('link', { name: /Resume at step 4: .* \(Wrong client secret\)/ }),
  ).toHaveAttribute('href', `${base}/step?scenario=wrong-secret&step=4`);
});

for (const [label, raw] of [
  ['not JSON', '{"state": {"lessons": '],
  [
    'the wrong shape',
    JSON.stringify({
      state: {
        lessons: { 'client-credentials': { modes: 'x', practice: [1, 2, 3], lastStep: 'four' } },
      },
      version: 2,
    }),
  ],
  ['a future version', JSON.stringify({ state: { something: 'else' }, version: 999 })],
  ['a bare string', '"hello"'],
] as const) {
  test(`corrupt stored progress (${label}) never breaks the page`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await seedStoredProgress(page, raw);
    await page.goto(`${base}/practice`);
    await expect(page.getByRole('heading', { level: 1, name: 'Practice' })).toBeVisible();
    await expect(totalRow(page)).toContainText(`0 / ${total}`);
    await answerPurpose(page);
    await expect(totalRow(page)).toContainText(`1 / ${total}`);
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
      KEY,
    );
    expect(stored.version).toBe(2);
    expect(stored.state.lessons['client-credentials'].practice.purpose.correct).toBe(true);
    expect(errors).toEqual([]);
  });
}

test('progress from an older version is migrated, not lost', async ({ page }) => {
  await seedStoredProgress(
    page,
    JSON.stringify({
      state: {
        lessons: {
          'client-credentials': {
            visited: ['intro'],
            answers: { 'http-method': { choice: 'b', correct: true } },
            lastStep: 2,
          },
        },
      },
      version: 1,
    }),
  );
  await page.goto(`${base}/practice`);
  await expect(totalRow(page)).toContainText(`1 / ${total}`);
  await expect(
    page.getByRole('article', { name: /Which HTTP method/ }).getByText('Correct.'),
  ).toBeVisible();
});

test('two tabs stay consistent', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(`${base}/practice`);
  await b.goto(`${base}/practice`);
  await expect(totalRow(b)).toContainText(`0 / ${total}`);
  await answerPurpose(a);
  await expect(totalRow(b)).toContainText(`1 / ${total}`);
  await expect(
    b
      .getByRole('article', { name: /What is the client credentials flow for/ })
      .getByText('Correct.'),
  ).toBeVisible();
});

test('reset progress asks first, in an accessible dialog', async ({ page }) => {
  await page.goto(`${base}/practice`);
  await answerPurpose(page);
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Your progress' });
  await expect(summary).toContainText(`1 / ${total} correct`);

  await summary.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(summary).toContainText(`1 / ${total} correct`);

  await summary.getByRole('button', { name: 'Reset progress…' }).click();
  await dialog.getByRole('button', { name: 'Reset everything' }).click();
  await expect(dialog).toBeHidden();
  await expect(summary).toContainText(`0 / ${total} correct (0 answered)`);
  await expect(summary.getByRole('button', { name: 'Reset progress…' })).toBeFocused();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Your progress' })).toContainText(
    `0 / ${total} correct (0 answered)`,
  );
});

test('the step page records where the learner got to, and the lesson page offers to resume', async ({
  page,
}) => {
  await page.goto(`${base}/step?scenario=wrong-secret&step=3`);
  await expect
    .poll(
      () =>
        page.evaluate(
          (key) =>
            JSON.parse(localStorage.getItem(key) ?? 'null')?.state?.lessons?.['client-credentials']
              ?.lastStep?.step,
          KEY,
        ),
      {
        timeout: 15_000,
      },
    )
    .toBe(3);
  await page.goto(base);
  await expect(
    page.getByRole('link', { name: /Resume at step 3: .* \(Wrong client secret\)/ }),
  ).toBeVisible();
});
