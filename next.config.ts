import type { NextConfig } from 'next';
import { EMBED_SEGMENT } from './lib/server/embed-path';
import { securityHeaders } from './lib/server/response-headers';

/**
 * The security headers (lib/server/response-headers.ts, from security-headers.json, shared with the proxy and the method
 * guard) on every path but the embeds, whose headers `proxy.ts` sends. Static pages cannot carry
 * a per-request nonce, and Next inlines its bootstrap and flight-data scripts, so scripts are
 * limited to this origin plus inline (no eval, no third party). Styles allow inline because React
 * sets style attributes. Everything else is same-origin only, and nothing may frame FlowLab.
 * `next dev` adds 'unsafe-eval' for its tooling.
 */
const headers = Object.entries(securityHeaders(process.env.NODE_ENV !== 'production')).map(
  ([key, value]) => ({ key, value }),
);

/** The Next.js configuration. */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets parallel test runs build into separate folders (e.g. NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Prerendered pages ask for their scripts after the first paint (scripts/paint-first.mjs).
  adapterPath: require.resolve('./scripts/paint-first.mjs'),
  experimental: {
    // proxy.ts makes Next buffer each request body so both the proxy and the route can read it.
    // No FlowLab route takes more than 16 KiB, so at most 64 KiB of any body is ever held; a
    // route still sees more than its own limit and answers 413.
    proxyClientMaxBodySize: '64kb',
  },
  async headers() {
    return [{ source: `/:path((?!${EMBED_SEGMENT}/).*)`, headers }];
  },
};

export default nextConfig;
