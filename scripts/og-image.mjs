#!/usr/bin/env node
// Renders public/og-image.png (1200x630), the Open Graph image a course page shows when it links
// a lesson. Run it after changing the design below: `node scripts/og-image.mjs`.
// Uses Debian's /usr/bin/chromium when present, else Playwright's own Chromium.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const out = new URL('../public/og-image.png', import.meta.url);
const systemChromium = '/usr/bin/chromium';

const html = `<!doctype html><html><head><style>
  body { margin: 0; width: 1200px; height: 630px; font-family: system-ui, sans-serif;
    background: #0b1020; color: #e5e7eb; display: flex; flex-direction: column;
    justify-content: center; padding: 0 88px; box-sizing: border-box; }
  .brand { display: flex; align-items: center; gap: 20px; font-size: 40px; font-weight: 700; color: #fff; }
  h1 { font-size: 60px; line-height: 1.1; margin: 36px 0 20px; color: #fff; }
  p { font-size: 28px; margin: 0; color: #cbd5e1; }
  .flow { display: flex; align-items: center; gap: 18px; margin-top: 56px; font-size: 26px; font-weight: 600; }
  .node { padding: 14px 22px; border-radius: 14px; border: 3px solid; }
  .client { border-color: #60a5fa; color: #bfdbfe; }
  .as { border-color: #c4b5fd; color: #ddd6fe; }
  .api { border-color: #5eead4; color: #ccfbf1; }
  .arrow { color: #94a3b8; font-family: ui-monospace, monospace; font-size: 22px; }
</style></head><body>
  <div class="brand"><svg width="64" height="64" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><circle cx="10" cy="16" r="4" fill="#fff"/><circle cx="22" cy="10" r="3" fill="#c4b5fd"/><circle cx="22" cy="22" r="3" fill="#5eead4"/><path d="M13.5 14.5 19 11M13.5 17.5 19 21" stroke="#fff" stroke-width="2" stroke-linecap="round"/></svg>FlowLab</div>
  <h1>The OAuth 2.0 client credentials flow, step by step</h1>
  <p>Every step sends a real request to a real authorization server and API.</p>
  <div class="flow">
    <span class="node client">Client</span><span class="arrow">POST /token →</span>
    <span class="node as">Authorization server</span><span class="arrow">Bearer →</span>
    <span class="node api">API</span>
  </div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: existsSync(systemChromium) ? systemChromium : undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(html);
  await page.screenshot({ path: out.pathname, type: 'png' });
  console.log(`wrote ${out.pathname}`);
} finally {
  await browser.close();
}
