// @ts-check

const isDev = process.env.NODE_ENV !== 'production';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const security = require('./lib/server/security-headers.json');

/**
 * Content-Security-Policy (lib/server/security-headers.json, shared with the method guard).
 * Static pages cannot carry a per-request nonce, and Next inlines its bootstrap and flight-data
 * scripts, so scripts are limited to this origin plus inline (no eval, no third party). Styles
 * allow inline because React sets style attributes. Everything else is same-origin only, and
 * nothing may frame FlowLab. `next dev` adds 'unsafe-eval' for its tooling.
 */
const csp = security.csp
  .map((d) => (isDev && d.startsWith('script-src') ? `${d} 'unsafe-eval'` : d))
  .join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  ...Object.entries(security.headers).map(([key, value]) => ({ key, value })),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets parallel test runs build into separate folders (e.g. NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // proxy.ts makes Next buffer each request body so both the proxy and the route can read it.
    // No FlowLab route takes more than 16 KiB, so at most 64 KiB of any body is ever held; a
    // route still sees more than its own limit and answers 413.
    proxyClientMaxBodySize: '64kb',
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;
