import type { Page } from '@playwright/test';

/** Next's script chunks (its stylesheet lives beside them and is let through: it blocks the paint). */
const isScript = (url: URL) =>
  url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js');

/**
 * Holds back the page's scripts, so a test can act on the server-rendered page as a learner on
 * a slow phone does before it is interactive. Returns the function that lets them load.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(isScript, async (route) => {
    await released;
    await route.continue();
  });
  // once released, every script (held or later) goes straight through
  return async () => release();
}
