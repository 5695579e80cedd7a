import { expect, test, type Browser, type Page } from '@playwright/test';
import { getLesson } from '../lib/lessons';
import { signInPresenter } from './presenter-fixture';

/** The letter an option of the http-method question shows (the order is the lesson's, arranged). */
const letterOf = (id: string) =>
  String.fromCharCode(
    65 +
      getLesson('client-credentials')!
        .practice.find((q) => q.id === 'http-method')!
        .options.findIndex((o) => o.id === id),
  );

async function presenterWithRoom(browser: Browser): Promise<{ presenter: Page; joinPath: string }> {
  const context = await browser.newContext();
  await signInPresenter(context);
  const presenter = await context.newPage();
  return { presenter, joinPath: await openRoom(presenter, '/present/client-credentials') };
}

/** Opens a presenter view and a follow-me room on it; answers the room's join path. */
async function openRoom(presenter: Page, path: string): Promise<string> {
  await presenter.goto(path);
  await expect(presenter.getByTestId('feed-status')).toHaveText('Live');
  await presenter.keyboard.press('j');
  await presenter.getByRole('button', { name: 'Open a follow-me room' }).click();
  const link = presenter.getByTestId('join-link').getByRole('link');
  await expect(link).toBeVisible();
  return new URL((await link.getAttribute('href'))!, 'http://x').pathname;
}

/** Puts a tab in the background (or back): what the Page Visibility API tells the page. */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (h ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

async function follower(browser: Browser, joinPath: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(joinPath);
  await expect(page.getByTestId('follow-status')).toContainText('Following the presenter');
  return page;
}

test.describe('follow me', () => {
  test('two presenter tabs with a room each: the one in the background lets go of its streams', async ({
    browser,
  }) => {
    // each shown presenter tab holds 3 streams (feed, room, challenges): two make the 6
    // connections a browser opens to a plain http:// server, and nothing else got an answer
    const { presenter: first } = await presenterWithRoom(browser);
    await setHidden(first, true);
    await expect(first.getByTestId('feed-status')).toHaveText('Paused');
    const second = await first.context().newPage();
    const joinPath = await openRoom(second, '/present/client-credentials-private-key-jwt');
    const answered = await second.evaluate(async () => {
      const res = await fetch('/.well-known/oauth-authorization-server', {
        signal: AbortSignal.timeout(5000),
      }).catch(() => null);
      return res?.status ?? 0;
    });
    expect(answered).toBe(200);
    // shown again, the first tab's streams open again (the feed from the request it had last)
    await setHidden(first, false);
    await expect(first.getByTestId('feed-status')).toHaveText('Live');
    await setHidden(first, true);
    // signed out here, with the first tab in the background, this tab's room ends for its followers
    const learner = await (await browser.newContext()).newPage();
    await learner.goto(joinPath);
    await expect(learner.getByTestId('follow-status')).toContainText('Following the presenter');
    await second.getByRole('button', { name: 'Sign out' }).click();
    await expect(second.getByLabel('Instructor key')).toBeVisible();
    await expect(learner.getByTestId('follow-status')).toHaveText(
      'The presenter ended this session.',
    );
  });

  test('a follower tracks the presenter’s step and scenario, and can leave and re-join', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const learner = await follower(browser, joinPath);
    await expect(presenter.getByTestId('follower-count')).toContainText('1 person follows');

    await presenter.getByRole('button', { name: 'Close panel' }).click();
    for (let i = 0; i < 3; i += 1) await presenter.keyboard.press('ArrowRight');
    await expect(presenter.getByTestId('step-position')).toHaveText('Step 3/7');
    await expect(learner.getByTestId('step-title')).toContainText('validates the credentials');

    await presenter.keyboard.press('3'); // wrong secret, back to the start
    await expect(learner.getByTestId('follow-status')).toContainText('Wrong client secret');
    for (let i = 0; i < 4; i += 1) await presenter.keyboard.press('ArrowRight');
    await expect(presenter.getByTestId('step-position')).toHaveText('Step 4/7');
    await expect(learner.getByText('Step 4 of 7', { exact: true })).toBeVisible();

    // Leaving follow mode stops following and the presenter sees it.
    await learner.getByRole('button', { name: 'Leave follow mode' }).click();
    await expect(learner.getByTestId('follow-status')).toHaveText('Exploring on your own');
    await presenter.keyboard.press('j');
    await expect(presenter.getByTestId('follower-count')).toContainText('0 people follow');
    await presenter.getByRole('button', { name: 'Close panel' }).click();
    await presenter.keyboard.press('ArrowRight');
    await expect(presenter.getByTestId('step-position')).toHaveText('Step 5/7');
    await expect(learner.getByText('Step 4 of 7', { exact: true })).toBeVisible();

    // Re-joining catches up with the presenter.
    await learner.getByRole('button', { name: 'Follow the presenter again' }).click();
    await expect(learner.getByText('Step 5 of 7', { exact: true })).toBeVisible();
    await presenter.keyboard.press('j');
    await expect(presenter.getByTestId('follower-count')).toContainText('1 person follows');

    // Ending the room tells the follower, who can go on stepping through the flow alone.
    await presenter.getByRole('button', { name: 'End the room' }).click();
    await expect(learner.getByTestId('follow-status')).toHaveText(
      'The presenter ended this session.',
    );
    // nobody watches the room's board any more; the challenges still count for the learner
    await expect(learner.getByText(/the presenter sees how many/)).toHaveCount(0);
    await expect(learner.getByText(/the server still checks them off for you/)).toBeVisible();
    await learner.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(learner.getByText('Step 6 of 7', { exact: true })).toBeVisible();
  });

  test('a presenter who reloads takes the room up where it was; followers are not sent back', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const learner = await follower(browser, joinPath);
    await presenter.getByRole('button', { name: 'Close panel' }).click();
    await presenter.keyboard.press('3'); // wrong secret
    for (let i = 0; i < 3; i += 1) await presenter.keyboard.press('ArrowRight');
    await expect(learner.getByText('Step 3 of 7', { exact: true })).toBeVisible();
    await presenter.reload();
    await expect(presenter.getByTestId('step-position')).toHaveText('Step 3/7');
    await expect(presenter.getByLabel('Scenario')).toHaveValue('wrong-secret');
    await expect(learner.getByText('Step 3 of 7', { exact: true })).toBeVisible();
    await presenter.keyboard.press('ArrowRight'); // and the room follows the presenter again
    await expect(learner.getByText('Step 4 of 7', { exact: true })).toBeVisible();
  });

  test('a presenter who closes the page by mistake opens it again on the same room, followers still there; signing out ends and forgets the room', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const roomId = joinPath.split('/').pop()!;
    const learner = await follower(browser, joinPath);
    await expect(presenter.getByTestId('follower-count')).toContainText('1 person follows');
    await presenter.getByRole('button', { name: 'Close panel' }).click();
    await presenter.keyboard.press('3'); // wrong secret
    for (let i = 0; i < 2; i += 1) await presenter.keyboard.press('ArrowRight');
    await expect(learner.getByText('Step 2 of 7', { exact: true })).toBeVisible();

    const context = presenter.context();
    await presenter.close();
    const reopened = await context.newPage();
    await reopened.goto('/present/client-credentials');
    await expect(reopened.getByTestId('room-badge')).toContainText(`Room ${roomId} · 1 following`);
    await expect(reopened.getByTestId('step-position')).toHaveText('Step 2/7');
    await expect(reopened.getByLabel('Scenario')).toHaveValue('wrong-secret');
    await reopened.keyboard.press('ArrowRight'); // the follower follows the reopened page
    await expect(learner.getByText('Step 3 of 7', { exact: true })).toBeVisible();
    await reopened.keyboard.press('j');
    await expect(reopened.getByTestId('join-link')).toContainText(joinPath);
    await expect(reopened.getByTestId('follower-count')).toContainText('1 person follows');

    await reopened.getByRole('button', { name: 'Sign out' }).click();
    await expect(reopened.getByLabel('Instructor key')).toBeVisible();
    // signed out, nobody could move the room on: it ended, and the learner goes on alone
    await expect(learner.getByText('The presenter ended this session.')).toBeVisible();
    await expect(learner.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
    expect(
      await reopened.evaluate(() => localStorage.getItem('flowlab-room:client-credentials')),
    ).toBeNull();
    await signInPresenter(context);
    await reopened.goto('/present/client-credentials');
    await expect(reopened.getByTestId('feed-status')).toHaveText('Live');
    await reopened.keyboard.press('j');
    await expect(reopened.getByRole('button', { name: 'Open a follow-me room' })).toBeVisible();
    await expect(reopened.getByTestId('room-badge')).toHaveCount(0);
  });

  test('signing out while the server cannot end the room keeps it, so signing in again takes it up', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const roomId = joinPath.split('/').pop()!;
    await presenter.route(`**/api/rooms/${roomId}`, (route) =>
      route.request().method() === 'DELETE'
        ? route.fulfill({ status: 503, json: { error: 'temporarily_unavailable' } })
        : route.fallback(),
    );
    await presenter.getByRole('button', { name: 'Sign out' }).click();
    await expect(presenter.getByLabel('Instructor key')).toBeVisible();
    expect(
      await presenter.evaluate(() => localStorage.getItem('flowlab-room:client-credentials')),
    ).toContain(roomId);
    await signInPresenter(presenter.context());
    await presenter.goto('/present/client-credentials');
    await expect(presenter.getByTestId('room-badge')).toContainText(`Room ${roomId}`);
  });

  test('a room that ended while no presenter page was open is dropped when the page opens again', async ({
    browser,
    baseURL,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const roomId = joinPath.split('/').pop()!;
    const { key } = JSON.parse(
      (await presenter.evaluate(() => localStorage.getItem('flowlab-room:client-credentials')))!,
    ) as { key: string };
    const context = presenter.context();
    await presenter.close();
    // it ends meanwhile (as when it expires, or another device ends it)
    const ended = await context.request.delete(`/api/rooms/${roomId}`, {
      headers: { 'X-Room-Key': key, Origin: new URL(baseURL!).origin },
    });
    expect(ended.status(), await ended.text()).toBe(200);
    const reopened = await context.newPage();
    await reopened.addInitScript(() => {
      // whether the page ever showed the room (its badge in the header)
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="room-badge"]'))
          (window as unknown as { sawRoom: boolean }).sawRoom = true;
      }).observe(document, { subtree: true, childList: true });
    });
    await reopened.goto('/present/client-credentials');
    await expect(reopened.getByTestId('feed-status')).toHaveText('Live');
    await reopened.keyboard.press('j');
    await expect(reopened.getByRole('button', { name: 'Open a follow-me room' })).toBeVisible();
    await expect(reopened.getByTestId('join-link')).toHaveCount(0);
    await expect(reopened.getByTestId('room-badge')).toHaveCount(0);
    expect(
      await reopened.evaluate(() => localStorage.getItem('flowlab-room:client-credentials')),
    ).toBeNull();
    expect(await reopened.evaluate(() => 'sawRoom' in window)).toBe(false);
  });

  test('a learner who closes the page and opens the link again keeps the seat and its vote; a second tab is the same follower', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const learner = await browser.newContext();
    const first = await learner.newPage();
    await first.goto(joinPath);
    await expect(first.getByTestId('follow-status')).toContainText('Following the presenter');
    await expect(presenter.getByTestId('follower-count')).toContainText('1 person follows');
    await presenter.getByLabel('Question').selectOption('http-method');
    await presenter.getByRole('button', { name: 'Open poll' }).click();
    await first.getByTestId('follower-poll').getByRole('radio', { name: /POST/ }).click();
    const panel = presenter.getByTestId('presenter-poll');
    await expect(panel).toContainText('1 answer · 1 following');
    await first.close();
    await expect(panel).toContainText('1 answer · 0 following');

    // the join link opened again in a new tab: the same seat, and the answer it sent
    const again = await learner.newPage();
    await again.goto(joinPath);
    const poll = again.getByTestId('follower-poll');
    await expect(poll.getByRole('radio', { name: /POST/ })).toBeChecked();
    await expect(poll).toContainText(`Your answer is in: ${letterOf('b')}`);
    await expect(panel).toContainText('1 answer · 1 following');

    // a second tab at once follows too, as the same follower: its answer is the seat's one vote
    const second = await learner.newPage();
    await second.goto(joinPath);
    await expect(second.getByTestId('follow-status')).toContainText('Following the presenter');
    const secondPoll = second.getByTestId('follower-poll');
    await expect(secondPoll).toContainText(`Your answer is in: ${letterOf('b')}`);
    await secondPoll.getByRole('radio', { name: /PUT/ }).click();
    await expect(secondPoll).toContainText(`Your answer is in: ${letterOf('c')}`);
    await expect(poll).toContainText(`Your answer is in: ${letterOf('c')}`);
    await again.reload();
    await expect(poll).toContainText(`Your answer is in: ${letterOf('c')}`);
    await expect(again.getByTestId('follow-status')).toContainText('Following the presenter');
    await expect(second.getByTestId('follow-status')).toContainText('Following the presenter');
    await expect(presenter.getByTestId('follower-count')).toContainText('1 person follows');
    await expect(panel).toContainText('1 answer · 1 following');
    await panel.getByRole('button', { name: 'Reveal answers' }).click();
    await expect(panel.getByTestId('result-c')).toContainText('1 vote · 100%');
  });

  test('a follower refused a stream keeps its seat and follows again; a forgotten one joins again', async ({
    browser,
  }) => {
    const { joinPath } = await presenterWithRoom(browser);
    const learner = await follower(browser, joinPath);
    const roomId = joinPath.split('/').pop()!;
    const seat = () =>
      learner.evaluate(
        (id) =>
          JSON.parse(localStorage.getItem(`flowlab-follow:${id}`) ?? 'null') as {
            followerId: string;
            followerKey: string;
          } | null,
        roomId,
      );
    const first = (await seat())!;

    // A cap refuses the stream (429, as for a follower with too many tabs open): the page keeps
    // its seat and tries again, later each time, until the stream is let through.
    let refused = 0;
    await learner.route('**/api/rooms/*/events*', (route) => {
      refused += 1;
      return route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: '{"error":"too_many_streams"}',
      });
    });
    await learner.reload();
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await learner.unroute('**/api/rooms/*/events*');
    await expect(learner.getByTestId('follow-status')).toContainText('Following the presenter', {
      timeout: 15_000,
    });
    expect((await seat())!.followerId).toBe(first.followerId);

    // The room forgot the seat (as after a phone slept for long): the page joins again.
    const left = await learner.request.delete(`/api/rooms/${roomId}/followers`, { data: first });
    expect(left.status()).toBe(200);
    await learner.reload();
    await expect(learner.getByTestId('follow-status')).toContainText('Following the presenter', {
      timeout: 15_000,
    });
    expect((await seat())!.followerId).not.toBe(first.followerId);
  });

  test('a mistyped room code says so, in the site’s own page', async ({ page }) => {
    await page.goto('/follow/abc1');
    await expect(page.getByRole('heading', { name: 'No room has this code' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to FlowLab' })).toBeVisible();
    await page.goto('/follow/zzzzzz'); // well formed, never opened
    await expect(page.getByTestId('follow-status')).toHaveText(
      'No open room has this code: the presenter ended the session, or the code is not the one in their join link.',
    );
  });

  test('poll answers from followers aggregate, and the reveal marks the correct one', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const alice = await follower(browser, joinPath);
    const bob = await follower(browser, joinPath);
    await expect(presenter.getByTestId('follower-count')).toContainText('2 people follow');

    await presenter.getByLabel('Question').selectOption('http-method');
    await presenter.getByRole('button', { name: 'Open poll' }).click();

    const alicePoll = alice.getByTestId('follower-poll');
    await expect(alicePoll).toContainText('Which HTTP method');
    await alicePoll.getByRole('radio', { name: /GET/ }).click();
    await expect(alicePoll).toContainText(`Your answer is in: ${letterOf('a')}`);
    await alicePoll.getByRole('radio', { name: /POST/ }).click(); // changed her mind
    await expect(alicePoll).toContainText(`Your answer is in: ${letterOf('b')}`);
    await alice.reload(); // the same seat, and the page still shows the answer it sent
    await expect(alicePoll.getByRole('radio', { name: /POST/ })).toBeChecked();
    await expect(alicePoll).toContainText(`Your answer is in: ${letterOf('b')}`);
    const bobPoll = bob.getByTestId('follower-poll');
    await bobPoll.getByRole('radio', { name: /PUT/ }).click();
    await expect(bobPoll).toContainText(`Your answer is in: ${letterOf('c')}`);

    const panel = presenter.getByTestId('presenter-poll');
    await expect(panel).toContainText('2 answers · 2 following');
    await panel.getByRole('button', { name: 'Reveal answers' }).click();

    await expect(panel.getByTestId('result-b')).toContainText('1 vote · 50%');
    await expect(panel.getByTestId('result-b')).toContainText('correct');
    await expect(panel.getByTestId('result-c')).toContainText('1 vote · 50%');
    await expect(panel.getByTestId('result-a')).toContainText('0 votes');
    // On a 1280x720 projector the whole result, down to its Close button, is on screen.
    expect(presenter.viewportSize()).toEqual({ width: 1280, height: 720 });
    await expect(panel.getByRole('listitem').last()).toBeInViewport({ ratio: 1 });
    await expect(panel.getByRole('button', { name: 'Close poll' })).toBeInViewport({ ratio: 1 });
    await expect(alicePoll.getByTestId('result-b')).toContainText('(your answer)');
    await expect(alicePoll.getByTestId('result-b')).toContainText('correct');
    await expect(bobPoll.getByTestId('result-c')).toContainText('(your answer)');
    await expect(bobPoll.getByRole('radio')).toHaveCount(0); // no more voting after the reveal
  });
  test('an open poll goes away when the presenter ends the room (nobody can reveal it now)', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const learner = await follower(browser, joinPath);
    await presenter.getByLabel('Question').selectOption('http-method');
    await presenter.getByRole('button', { name: 'Open poll' }).click();
    const poll = learner.getByTestId('follower-poll');
    await poll.getByRole('radio', { name: /POST/ }).click();
    await expect(poll).toContainText(`Your answer is in: ${letterOf('b')}`);
    await presenter.getByRole('button', { name: 'End the room' }).click();
    await expect(learner.getByTestId('follow-status')).toHaveText(
      'The presenter ended this session.',
    );
    await expect(poll).toHaveCount(0);
  });

  test('the presenter closes joining: a new learner is told, and reopening lets them in', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    await presenter.getByRole('button', { name: 'Close joining' }).click();
    await expect(presenter.getByTestId('joining-closed')).toBeVisible();
    const late = await (await browser.newContext()).newPage();
    await late.goto(joinPath);
    await expect(late.getByTestId('follow-status')).toHaveText(
      'The presenter has closed joining for this room.',
    );
    await presenter.getByRole('button', { name: 'Reopen joining' }).click();
    await expect(presenter.getByTestId('joining-closed')).toHaveCount(0);
    // the learner turned away gets in by themselves, without reloading
    await expect(late.getByTestId('follow-status')).toContainText('Following the presenter', {
      timeout: 20_000,
    });
    await follower(browser, joinPath);
    await expect(presenter.getByTestId('follower-count')).toContainText('2 people follow');
  });

  test('a presenter whose room stream is refused by a limit keeps the room and its key', async ({
    browser,
  }) => {
    const { presenter, joinPath } = await presenterWithRoom(browser);
    const stored = () =>
      presenter.evaluate(() => localStorage.getItem('flowlab-room:client-credentials'));
    const key = await stored();
    expect(key).toContain('"key"');
    // The server refuses the stream (as at a cap); the room itself still exists.
    let refused = 0;
    await presenter.route('**/api/rooms/*/events', (route) => {
      refused += 1;
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'Retry-After': '5' },
        body: '{"error":"server_full"}',
      });
    });
    await presenter.reload();
    await expect(presenter.getByTestId('feed-status')).toHaveText('Live');
    await expect.poll(() => refused).toBeGreaterThan(0);
    await presenter.waitForTimeout(1500);
    expect(await stored()).toBe(key);
    // Once the limit is gone, the stream comes back on its own with the same room.
    await presenter.unroute('**/api/rooms/*/events');
    await follower(browser, joinPath);
    await presenter.keyboard.press('j');
    await expect(presenter.getByTestId('follower-count')).toContainText('1 person follows', {
      timeout: 10_000,
    });
    expect(await stored()).toBe(key);
  });
});
