import type { BrowserContext, TestInfo } from '@playwright/test';

/**
 * Gives a test's browser its own caller address (X-Forwarded-For, trusted by the test server's
 * FLOWLAB_TRUST_PROXY=1), so the per-address registration limit of POST /register counts each
 * test apart, as it would count learners on different machines.
 */
export async function useOwnAddress(context: BrowserContext, info: TestInfo): Promise<void> {
  let h = 0;
  for (const ch of `${info.testId}:${info.repeatEachIndex}:${info.retry}`)
    h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  await context.setExtraHTTPHeaders({
    'X-Forwarded-For': `10.${130 + (h % 100)}.${(h >>> 8) % 256}.${((h >>> 16) % 254) + 1}`,
  });
}
