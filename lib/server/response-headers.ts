/**
 * The security headers of every FlowLab response, built from `security-headers.json`: the strict
 * set (nothing may frame the page) for every path, and the embed set for `/embed/*`, which other
 * sites may frame as `FLOWLAB_EMBED_ORIGINS` allows. `next.config.ts` sends the strict set at
 * build time; `proxy.ts` sends the embed set per request, so the variable is read at run time.
 * Framework-free (no Next import) so the config, the proxy and the method guard share it.
 */
import security from './security-headers.json';

type Env = Readonly<Record<string, string | undefined>>;

/** A `FLOWLAB_EMBED_ORIGINS` value that is not a list of origins (or `*`). */
export class EmbedOriginsError extends Error {
  override name = 'EmbedOriginsError';
}

/** A DNS name, an IPv4 address or a bracketed IPv6 address, as the URL parser normalises them. */
const HOST = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;

/** `next dev` needs `eval` for its tooling; production never gets it. */
function directives(dev: boolean): string[] {
  return security.csp.map((d) => (dev && d.startsWith('script-src') ? `${d} 'unsafe-eval'` : d));
}

/** The Content-Security-Policy with its `frame-ancestors` directive replaced. */
function cspWithFrameAncestors(sources: string, dev: boolean): string {
  return directives(dev)
    .map((d) => (d.startsWith('frame-ancestors') ? `frame-ancestors ${sources}` : d))
    .join('; ');
}

/**
 * The headers of every page and endpoint except the embeds: the CSP with
 * `frame-ancestors 'none'` and `X-Frame-Options: DENY`, so nothing may frame them.
 * @see https://www.w3.org/TR/CSP3/#directive-frame-ancestors
 */
export function securityHeaders(dev = false): Record<string, string> {
  return { 'Content-Security-Policy': directives(dev).join('; '), ...security.headers };
}

/**
 * The origins `FLOWLAB_EMBED_ORIGINS` allows to frame `/embed/*`: space- or comma-separated
 * `scheme://host[:port]` origins (http or https), or `*` (any origin, also when unset or empty).
 * Throws {@link EmbedOriginsError} naming the first bad entry.
 */
export function parseEmbedOrigins(value: string | undefined): readonly string[] {
  const entries = (value ?? '').split(/[\s,]+/).filter((e) => e !== '');
  if (entries.length === 0 || (entries.length === 1 && entries[0] === '*')) return ['*'];
  return entries.map((entry) => {
    const bad = (why: string) =>
      new EmbedOriginsError(
        `FLOWLAB_EMBED_ORIGINS: "${entry}" ${why} (e.g. https://slides.example.com).`,
      );
    if (entry === '*') throw bad('cannot be combined with other origins');
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw bad('is not an origin');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad('is not http(s)');
    // A URL host may hold characters that mean something in a CSP (`;`, `'`, `*`): refused.
    if (!HOST.test(url.hostname)) throw bad('is not an origin');
    if (url.origin !== entry.replace(/\/$/, '').toLowerCase()) {
      throw bad(`is not an origin: write ${url.origin}`);
    }
    return url.origin;
  });
}

/**
 * The headers of `/embed/*`: the same set, but `frame-ancestors` lists the origins of
 * `FLOWLAB_EMBED_ORIGINS` and `X-Frame-Options` is left out (it cannot name origins, and a
 * browser that knows CSP ignores it). Throws {@link EmbedOriginsError} for a bad value.
 * @see https://www.w3.org/TR/CSP3/#frame-ancestors-and-frame-options
 */
export function embedSecurityHeaders(env: Env, dev = false): Record<string, string> {
  const origins = parseEmbedOrigins(env.FLOWLAB_EMBED_ORIGINS);
  const { 'X-Frame-Options': _denied, ...rest } = security.headers;
  return { 'Content-Security-Policy': cspWithFrameAncestors(origins.join(' '), dev), ...rest };
}

/**
 * {@link embedSecurityHeaders}, failing closed: for a bad `FLOWLAB_EMBED_ORIGINS` it reports the
 * problem and answers the strict set, so the embeds stay unframeable until the value is fixed.
 */
export function embedSecurityHeadersOrStrict(
  env: Env,
  dev: boolean,
  report: (message: string) => void,
): Record<string, string> {
  try {
    return embedSecurityHeaders(env, dev);
  } catch (e) {
    if (!(e instanceof EmbedOriginsError)) throw e;
    report(`${e.message} /embed/* may not be framed until it is fixed.`);
    return securityHeaders(dev);
  }
}
