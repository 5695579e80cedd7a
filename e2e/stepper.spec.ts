import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { holdScripts } from './before-hydration';
import { useOwnAddress } from './own-address';

const PAGE = '/learn/client-credentials/step';

function tracker(page: Page) {
  return page.getByRole('region', { name: 'Variable tracker' });
}

function trackerRow(page: Page, name: string) {
  return tracker(page).getByRole('row', { name: new RegExp(`^${name}\\b`) });
}

/** A cell's value, whatever screen-reader note follows it ("(changed at this step)"). */
function value(v: string) {
  return new RegExp(`^${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(changed at this step\\))?$`);
}

/** The tracker cell of a variable in a column (0 = Start, n = after step n). */
function trackerCell(page: Page, name: string, column: number) {
  return trackerRow(page, name).getByRole('cell').nth(column);
}

/** Waits until the step controls answer presses themselves (before, a press waits for them). */
async function ready(page: Page) {
  await expect(page.getByRole('group', { name: 'Step controls' })).toHaveAttribute('data-ready');
}

/** Opens the step page and waits until its controls respond. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await ready(page);
}

async function next(page: Page, times = 1) {
  for (let i = 0; i < times; i++) {
    const before = await page.getByTestId('step-title').textContent();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByTestId('step-title')).not.toHaveText(before ?? '');
  }
}

async function expectStep(page: Page, n: number) {
  await expect(page.getByText(`Step ${n} of 7`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^Step ${n}:`) })).toHaveAttribute(
    'aria-current',
    'step',
  );
}

test('happy path: a real JWT after the token step, real API data after the API step', async ({
  page,
}) => {
  await open(page, PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'Step-by-step' })).toBeVisible();
  await expect(trackerCell(page, 'access_token', 0)).toHaveText('None');
  await next(page);
  await expectStep(page, 1);
  await expect(trackerCell(page, 'client_id', 1)).toHaveText(value('abc'));
  await expect(page.getByText('The request the client prepared (not sent yet)')).toBeVisible();
  await next(page, 3);
  await expectStep(page, 4);
  await expect(trackerCell(page, 'access_token', 3)).toHaveText('None');
  await expect(trackerCell(page, 'access_token', 4)).toContainText(/^eyJ/);
  await expect(trackerCell(page, 'access_token', 4)).toHaveAttribute('data-changed', 'true');
  await expect(trackerCell(page, 'token_type', 4)).toHaveText(/Bearer/);
  await expect(page.getByText('200 OK').first()).toBeVisible();
  await expect(page.getByText(/Signature verified/)).toBeVisible();
  await next(page, 2);
  await expectStep(page, 6);
  await expect(trackerCell(page, 'http_status', 6)).toHaveText(value('200'));
  await expect(trackerCell(page, 'api_response', 6)).toContainText('API response data');
  await expect(
    page.getByRole('img', {
      name: /Branch taken: Credentials valid\? Yes; Token valid, scope enough\? Yes/,
    }),
  ).toBeVisible();
  await expect(page).toHaveURL(/scenario=valid&step=6/);
});

test('wrong secret: invalid_client, no token, the No branch lit', async ({ page }) => {
  await open(page, PAGE);
  await page.getByLabel('Scenario').selectOption('wrong-secret');
  await next(page, 3);
  await expectStep(page, 3);
  await expect(page.getByText('No branch', { exact: true })).toBeVisible();
  await expect(page.getByTestId('error-explainer')).toContainText('401');
  await expect(page.getByTestId('error-explainer')).toContainText('invalid_client');
  await expect(page.getByTestId('error-explainer')).toContainText('RFC 6749 §5.2');
  await expect(
    page.getByRole('img', { name: /Branch taken: Credentials valid\? No/ }),
  ).toBeVisible();
  await expect(page.locator('[data-edge="validate-error"]')).toHaveAttribute('data-taken', 'true');
  // The server's own checks, in its order, the failing one last and marked.
  const checks = page
    .getByRole('region', { name: 'Execution table' })
    .getByRole('row', { name: /^2\b/ })
    .getByRole('list', { name: /Checks, in the order/ });
  await expect(checks.getByRole('listitem').first()).toContainText('Passed');
  await expect(checks.getByRole('listitem').last()).toContainText('Failed: Client secret matches');
  await expect(
    page.getByRole('region', { name: 'The server’s checks' }).getByRole('listitem').last(),
  ).toContainText('Failed: Client secret matches');
  // step 4 heads what happened, not the happy path's "issues an access token"
  await next(page, 1);
  await expect(page.getByTestId('step-title')).toContainText('Error response, no token');
  // what happened in this run leads; the happy path's narration follows it, muted
  const note = page.getByTestId('step-note');
  const happy = page.getByText(
    'Had every check passed, this step would be “Auth server issues an access token”:',
  );
  await expect(happy).toBeVisible();
  await expect(note).toContainText('Instead of a token');
  const [noteBox, happyBox] = await Promise.all([note.boundingBox(), happy.boundingBox()]);
  expect(noteBox!.y).toBeLessThan(happyBox!.y);
  await expect(page.getByTestId('step-announcer')).toHaveText(
    /^Step 4 of 7: Error response, no token\./,
  );
  await page.getByRole('button', { name: 'Last step' }).click();
  await expectStep(page, 7);
  for (let col = 0; col <= 7; col++)
    await expect(trackerCell(page, 'access_token', col)).toHaveText('None');
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('401'));
});

test('keyboard only: arrows, space to play, Home and End', async ({ page }) => {
  await open(page, PAGE);
  await page.getByRole('heading', { level: 1 }).click(); // focus out of any field
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2);
  await expect(page.getByTestId('step-announcer')).toHaveText(
    /^Step 2 of 7: Client sends the POST request/,
  );
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 1);
  await page.keyboard.press('End');
  await expectStep(page, 7);
  await page.keyboard.press('Home');
  await expectStep(page, 1);
  await page.getByLabel('Speed').selectOption('1');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expectStep(page, 2);
  await expectStep(page, 3);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Tab reaches the controls, and Enter on a focused button works too.
  await page.getByRole('button', { name: 'Reset to start' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Start · 7 steps')).toBeVisible();
  // Arrow keys typed into a text field stay in the field.
  await page.getByLabel('client_id').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Start · 7 steps')).toBeVisible();
});

test('a deep link opens that scenario at that step', async ({ page }) => {
  await open(page, `${PAGE}?scenario=wrong-secret&step=4`);
  await expectStep(page, 4);
  await expect(page.getByLabel('Scenario')).toHaveValue('wrong-secret');
  await expect(page.getByTestId('error-explainer')).toContainText('invalid_client');
  await expect(trackerCell(page, 'client_secret', 1)).toHaveText(value('wrong-secret'));
});

const failures = [
  { id: 'unknown-client', status: '401', code: 'invalid_client', token: false },
  { id: 'json-body', status: '400', code: 'invalid_request', token: false },
  { id: 'missing-grant-type', status: '400', code: 'invalid_request', token: false },
  { id: 'unsupported-grant-type', status: '400', code: 'unsupported_grant_type', token: false },
  { id: 'credentials-twice', status: '400', code: 'invalid_request', token: false },
  { id: 'not-allowed-grant', status: '400', code: 'unauthorized_client', token: false },
  { id: 'insufficient-scope', status: '403', code: 'insufficient_scope', token: true },
  { id: 'tampered-token', status: '401', code: 'invalid_token', token: true },
  { id: 'revoked-token', status: '401', code: 'invalid_token', token: true },
  { id: 'expired-token', status: '401', code: 'invalid_token', token: true },
] as const;

for (const f of failures) {
  test(`scenario ${f.id}: the server's real ${f.status} ${f.code}`, async ({ page }, info) => {
    // expired-token registers this browser's own client (POST /register, limited per address).
    await useOwnAddress(page.context(), info);
    await open(page, `${PAGE}?scenario=${f.id}`);
    await expect(page.getByLabel('Scenario')).toHaveValue(f.id);
    await page.getByRole('button', { name: 'Last step' }).click();
    await expectStep(page, 7);
    if (f.id === 'expired-token') {
      // The run's client is this browser's own: the fields name no other client.
      const clientId = page.getByLabel('client_id', { exact: true });
      await expect(clientId).toHaveValue('');
      await expect(clientId).toHaveAttribute('placeholder', 'this browser’s own client');
      // No waiting: the server's clock for this browser's own client jumps past the token's exp.
      await page.getByRole('button', { name: /^Step 6:/ }).click();
      await expect(page.getByRole('timer')).toContainText(
        'Server clock fast-forwarded 3603 s for your own client only',
      );
      await page.getByRole('button', { name: 'Last step' }).click();
      await expectStep(page, 7);
    }
    const explainer = page.getByTestId('error-explainer');
    await expect(explainer).toContainText(f.status);
    await expect(explainer).toContainText(f.code);
    await expect(explainer).toContainText(/RFC 67(49|50) §/);
    if (f.token) {
      await expect(trackerCell(page, 'access_token', 4)).toContainText(/^eyJ/);
      await expect(trackerCell(page, 'http_status', 6)).toHaveText(value(f.status));
      await expect(page.getByRole('img', { name: /Token valid, scope enough\? No/ })).toBeVisible();
    } else {
      await expect(trackerCell(page, 'access_token', 7)).toHaveText('None');
      await expect(page.getByRole('img', { name: /Credentials valid\? No/ })).toBeVisible();
    }
  });
}

test('your own values: Basic by default, and an edit applies at once', async ({ page }) => {
  await open(page, PAGE);
  await expect(page.getByLabel('Client authentication')).toHaveValue('basic');
  await page.getByRole('button', { name: /^Step 3:/ }).click();
  await expect(page.getByText('Yes branch', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Request as raw HTTP').first()).toContainText(
    'Authorization: Basic YWJjOnh5eg==',
  );
  await page.getByLabel('Client authentication').selectOption('body');
  await expect(page.getByLabel('Scenario')).toHaveValue('custom');
  await expect(page.getByText('Start · 7 steps')).toBeVisible();
  await next(page);
  await expect(page.getByLabel('Request as raw HTTP').first()).toContainText(
    'client_id=abc&client_secret=xyz',
  );
});

test('values typed before the page is interactive are the ones it sends', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto(`${PAGE}?scenario=valid`, { waitUntil: 'commit' });
  await page.getByLabel('client_secret').fill('typed-early');
  await page.getByLabel('Client authentication').selectOption('body');
  await release();
  // the page adopts what its fields show: the run is the learner's own, with their secret
  await expect(page.getByLabel('Scenario')).toHaveValue('custom');
  await expect(page.getByLabel('client_secret')).toHaveValue('typed-early');
  await expect(page.getByLabel('Client authentication')).toHaveValue('body');
  await next(page, 2);
  await expect(page.getByLabel('Request as raw HTTP').first()).toContainText(
    'client_id=abc&client_secret=typed-early',
  );
  await next(page);
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('401'));
  // kept like an edit made later: the address bar says so, and a reload runs them again
  await expect(page).toHaveURL(/scenario=custom/);
  await page.reload();
  await expect(page.getByLabel('Scenario')).toHaveValue('custom');
  await expect(page.getByLabel('client_secret')).toHaveValue('typed-early');
  await expect(page.getByLabel('Client authentication')).toHaveValue('body');
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('401'));
});

test('a scenario picked before the page is interactive wins over the link’s', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto(`${PAGE}?scenario=valid`, { waitUntil: 'commit' });
  await page.getByLabel('Scenario').selectOption('wrong-secret');
  await release();
  await ready(page);
  await expect(page).toHaveURL(/scenario=wrong-secret/);
  await expect(page.getByLabel('Scenario')).toHaveValue('wrong-secret');
  await next(page, 3);
  await expect(page.getByText('No branch', { exact: true })).toBeVisible();
});

test('Next pressed before the page is interactive is taken once it is, after the edits', async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto(`${PAGE}?scenario=valid`, { waitUntil: 'commit' });
  await page.getByLabel('client_secret').fill('typed-early');
  const nextButton = page.getByRole('button', { name: 'Next', exact: true });
  await nextButton.click();
  await nextButton.click(); // again, as nothing seemed to happen: one press waits
  // the press shows it was taken
  await expect(nextButton).toHaveAttribute('data-early-pending');
  await release();
  await expectStep(page, 1);
  await expect(nextButton).not.toHaveAttribute('data-early-pending');
  await expect(trackerCell(page, 'client_secret', 1)).toHaveText(value('typed-early'));
  await expect(page.getByText('Step 2 of 7', { exact: true })).toHaveCount(0);
});

test('Back to a step link restores that step: the browser’s restored fields are no edit', async ({
  page,
}) => {
  await open(page, `${PAGE}?scenario=wrong-secret&step=3`);
  await expectStep(page, 3);
  // another document, then Back: the browser loads the page again and puts back the values its
  // fields had (the static page's HTML marks the default scenario)
  await page.goto('/examples/client_credentials.py');
  await page.goBack();
  await ready(page);
  await expect(page).toHaveURL(/scenario=wrong-secret&step=3/);
  await expect(page.getByLabel('Scenario')).toHaveValue('wrong-secret');
  await expectStep(page, 3);
  await expect(page.getByText(/changed: the run starts over/)).toHaveCount(0);
});

test('a link within the app opens the step page as it names it: nothing counts as an edit', async ({
  page,
}) => {
  await page.goto('/learn/client-credentials/intro');
  const modes = page.getByRole('navigation', { name: 'Learning modes' });
  // the intro page has hydrated (its links are React's), so the mode bar navigates in the page
  await page.waitForFunction(() =>
    Object.keys(document.querySelector('nav[aria-label="Learning modes"] a') ?? {}).some((k) =>
      k.startsWith('__reactFiber'),
    ),
  );
  await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
  await modes.getByRole('link', { name: 'Step-by-step' }).click();
  await ready(page);
  expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
  await expect(page.getByLabel('Scenario')).toHaveValue('valid');
  await expect(page).not.toHaveURL(/scenario=custom/);
  await next(page, 2);
  await expect(page.getByLabel('Request as raw HTTP').first()).toContainText(
    'Authorization: Basic',
  );
});

test('the response body is in view under the headers, which scroll on their own', async ({
  page,
}) => {
  await open(page, `${PAGE}?scenario=valid&step=2`);
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('200'));
  const head = page.getByLabel('Response status line and headers, as raw HTTP').first();
  const body = page.getByLabel('Response body').first();
  await expect(head).toContainText('HTTP/1.1 200');
  await expect(head).toContainText('cache-control: no-store');
  await expect(body).toContainText('"token_type":"Bearer"');
  const [h, b] = [await head.boundingBox(), await body.boundingBox()];
  // the headers box is capped (they are many) and the body starts right under it
  expect(h!.height).toBeLessThanOrEqual(100);
  expect(b!.y - (h!.y + h!.height)).toBeLessThan(12);
  expect(await head.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
});

test('typing another secret and pressing Next sends that secret: invalid_client, no token', async ({
  page,
}) => {
  await open(page, `${PAGE}?scenario=valid&step=2`);
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('200'));
  await page.getByLabel('client_secret').fill('typed-wrong');
  await expect(page.getByRole('status').filter({ hasText: 'starts over' })).toHaveText(
    'client_secret changed: the run starts over from step 1 with your values.',
  );
  await expect(page.getByText('Start · 7 steps')).toBeVisible();
  await next(page);
  await page.getByRole('button', { name: 'Show secret' }).click();
  await expect(page.getByLabel('client_secret')).toHaveValue('typed-wrong');
  await expect(page.getByLabel('Request as raw HTTP').first()).toContainText(
    `Authorization: Basic ${Buffer.from('abc:typed-wrong').toString('base64')}`,
  );
  await next(page);
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('401'));
  await next(page);
  await expect(page.getByText('No branch', { exact: true })).toBeVisible();
  await expect(page.getByTestId('error-explainer')).toContainText('invalid_client');
  await next(page);
  await expect(trackerCell(page, 'access_token', 4)).toHaveText(value('None'));
});

test('your own values survive a reload of the tab: the same secret, the same 401', async ({
  page,
}) => {
  await open(page, `${PAGE}?scenario=valid`);
  await page.getByLabel('client_secret').fill('typed-wrong');
  await expect(page.getByLabel('Scenario')).toHaveValue('custom');
  await page.getByRole('button', { name: /^Step 3:/ }).click();
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('401'));
  await page.reload();
  await expect(page.getByLabel('Scenario')).toHaveValue('custom');
  await expect(page.getByLabel('client_secret')).toHaveValue('typed-wrong');
  await expectStep(page, 3);
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('401'));
});

test('your own values survive a visit to another mode: the mode bar’s link opens your run', async ({
  page,
}) => {
  await open(page, `${PAGE}?scenario=valid`);
  await page.getByLabel('client_secret').fill('typed-wrong');
  await expect(page).toHaveURL(/scenario=custom/);
  const modes = page.getByRole('navigation', { name: 'Learning modes' });
  await modes.getByRole('link', { name: 'Syntax & examples' }).click();
  await expect(page).toHaveURL(/\/examples$/);
  await modes.getByRole('link', { name: 'Step-by-step' }).click();
  await ready(page);
  await expect(page.getByLabel('Scenario')).toHaveValue('custom');
  await expect(page.getByLabel('client_secret')).toHaveValue('typed-wrong');
  await page.getByRole('button', { name: /^Step 3:/ }).click();
  await expect(trackerCell(page, 'http_status', 2)).toHaveText(value('401'));
});

test('pressing Next by keyboard to the end keeps the focus on Next, now unavailable', async ({
  page,
}) => {
  await open(page, `${PAGE}?scenario=valid&step=6`);
  await expectStep(page, 6);
  const nextButton = page.getByRole('button', { name: 'Next', exact: true });
  await nextButton.focus();
  await page.keyboard.press('Enter');
  await expectStep(page, 7);
  await expect(nextButton).toBeFocused();
  await expect(nextButton).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter'); // does nothing at the end
  await expectStep(page, 7);
});

test('an edit in the expired-token scenario keeps it, and a reload keeps the edit', async ({
  page,
}, info) => {
  await useOwnAddress(page.context(), info);
  await open(page, `${PAGE}?scenario=expired-token`);
  // the link's scenario is applied once the page is interactive: edit it only then
  await expect(page.getByLabel('Scenario')).toHaveValue('expired-token');
  await page.getByLabel('Client authentication').selectOption('body');
  await expect(page.getByLabel('Scenario')).toHaveValue('expired-token');
  await expect(page.getByText('Your edits below change its request')).toBeVisible();
  await page.getByRole('button', { name: 'Last step' }).click();
  await expectStep(page, 7);
  await expect(page.getByTestId('error-explainer')).toContainText('invalid_token');
  await page.getByRole('button', { name: /^Step 2:/ }).click();
  await expect(page.getByLabel('Request as raw HTTP').first()).toContainText('client_secret=');
  await page.reload();
  await expect(page.getByLabel('Scenario')).toHaveValue('expired-token');
  await expect(page.getByLabel('Client authentication')).toHaveValue('body');
});

test('predict the outcome, then see the real one', async ({ page }) => {
  await open(page, `${PAGE}?scenario=wrong-secret`);
  await next(page);
  await page.getByRole('radio', { name: '200: token issued' }).check();
  await next(page);
  await expect(page.getByRole('status').filter({ hasText: 'Not this time' })).toContainText(
    '401 invalid_client',
  );
  await page.getByRole('button', { name: 'Reset to start' }).click();
  await next(page);
  await page.getByRole('radio', { name: '401 invalid_client' }).check();
  await next(page);
  await expect(page.getByRole('status').filter({ hasText: 'Correct prediction' })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, `${PAGE}?scenario=valid&step=4`);
    await expectStep(page, 4);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await page.getByText('Decode the access token').waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}

test('at 375 px nothing overflows the page; tables scroll in their own box', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, `${PAGE}?scenario=valid&step=6`);
  await expectStep(page, 6);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  const region = page.getByRole('region', { name: 'Execution table' });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

test('at 375 px the tracker keeps each variable’s name in view while the steps scroll', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, `${PAGE}?scenario=valid&step=6`);
  await expectStep(page, 6);
  const region = tracker(page);
  await region.scrollIntoViewIfNeeded();
  // The current step's column is scrolled into view (in the frame the tracker is first laid out,
  // once it comes near the screen), so the Start column has gone under the names.
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const name = trackerRow(page, 'access_token').getByRole('rowheader');
  const [box, nameBox] = await Promise.all([region.boundingBox(), name.boundingBox()]);
  expect(Math.abs(nameBox!.x - box!.x)).toBeLessThanOrEqual(1);
  await expect(name).toHaveText('access_token');
  // What is under the name is hidden by it: the point at the name's centre hits the name itself.
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('th')?.textContent ?? null,
    [nameBox!.x + nameBox!.width / 2, nameBox!.y + nameBox!.height / 2],
  );
  expect(hit).toBe('access_token');
});

test('on a phone the step comes right under the controls, above the diagram; wide, beside it', async ({
  page,
}) => {
  const step = page.getByRole('region', { name: 'Current step' });
  const diagram = page.getByRole('heading', { name: 'Concept flow' });
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `${PAGE}?scenario=valid&step=2`);
  await expectStep(page, 2);
  const [s, d] = await Promise.all([step.boundingBox(), diagram.boundingBox()]);
  expect(s!.y + s!.height).toBeLessThanOrEqual(d!.y);
  await page.setViewportSize({ width: 1280, height: 900 });
  const [wideStep, wideDiagram] = await Promise.all([step.boundingBox(), diagram.boundingBox()]);
  expect(wideDiagram!.x + wideDiagram!.width).toBeLessThanOrEqual(wideStep!.x);
  expect(Math.abs(wideDiagram!.y - wideStep!.y)).toBeLessThan(60);
});
