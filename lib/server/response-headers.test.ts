import { describe, expect, it, vi } from 'vitest';
import { isEmbedPath } from './embed-path';
import {
  EmbedOriginsError,
  embedSecurityHeaders,
  embedSecurityHeadersOrStrict,
  parseEmbedOrigins,
  securityHeaders,
} from './response-headers';

const frameAncestors = (headers: Record<string, string>) =>
  headers['Content-Security-Policy']?.split('; ').find((d) => d.startsWith('frame-ancestors'));

describe('security headers', () => {
  it('nothing may frame an ordinary page', () => {
    const h = securityHeaders();
    expect(frameAncestors(h)).toBe("frame-ancestors 'none'");
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(securityHeaders(true)['Content-Security-Policy']).toContain(
      "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    );
  });

  it('embeds may be framed by any origin by default, and send no X-Frame-Options', () => {
    for (const value of [undefined, '', ' ', '*']) {
      const h = embedSecurityHeaders({ FLOWLAB_EMBED_ORIGINS: value });
      expect(frameAncestors(h)).toBe('frame-ancestors *');
      expect(h['X-Frame-Options']).toBeUndefined();
      expect(h['X-Content-Type-Options']).toBe('nosniff');
    }
    // Everything but frame-ancestors is the strict policy.
    const strict = securityHeaders()['Content-Security-Policy']?.split('; ') ?? [];
    const embed = embedSecurityHeaders({})['Content-Security-Policy']?.split('; ') ?? [];
    expect(embed.filter((d) => !d.startsWith('frame-ancestors'))).toEqual(
      strict.filter((d) => !d.startsWith('frame-ancestors')),
    );
  });

  it('FLOWLAB_EMBED_ORIGINS lists origins, separated by spaces or commas', () => {
    const h = embedSecurityHeaders({
      FLOWLAB_EMBED_ORIGINS:
        'https://slides.example.com, http://127.0.0.1:8080\thttps://LMS.example.org/,http://[::1]:3000',
    });
    expect(frameAncestors(h)).toBe(
      'frame-ancestors https://slides.example.com http://127.0.0.1:8080 https://lms.example.org http://[::1]:3000',
    );
  });

  it.each([
    ['https://example.com/course', 'is not an origin'],
    ['https://user@example.com', 'is not an origin'],
    ['https://example.com:443', 'write https://example.com'],
    ['example.com', 'is not an origin'],
    ["https://a.example; script-src 'unsafe-eval'", 'is not an origin'],
    ['javascript:alert(1)', 'is not http(s)'],
    ['ftp://example.com', 'is not http(s)'],
    ["'self'", 'is not an origin'],
    ['* https://example.com', 'cannot be combined'],
    ['https://*.example.com', 'is not an origin'],
    ['https://a.example;script-src', 'is not an origin'],
    ["https://a'b.example", 'is not an origin'],
  ])('refuses %j (%s)', (value, why) => {
    expect(() => parseEmbedOrigins(value)).toThrow(EmbedOriginsError);
    expect(() => parseEmbedOrigins(value)).toThrow(why);
    expect(() => parseEmbedOrigins(value)).toThrow('FLOWLAB_EMBED_ORIGINS');
  });

  it('a bad value fails closed: reported, and the embeds are as unframeable as any page', () => {
    const report = vi.fn();
    const h = embedSecurityHeadersOrStrict(
      { FLOWLAB_EMBED_ORIGINS: 'not an origin' },
      false,
      report,
    );
    expect(h).toEqual(securityHeaders());
    expect(report).toHaveBeenCalledOnce();
    expect(report.mock.calls[0]?.[0]).toContain('FLOWLAB_EMBED_ORIGINS: "not"');
    const ok = embedSecurityHeadersOrStrict({}, false, report);
    expect(frameAncestors(ok)).toBe('frame-ancestors *');
    expect(report).toHaveBeenCalledOnce();
  });

  it('only /embed/... is an embed path', () => {
    expect(isEmbedPath('/embed/client-credentials/step')).toBe(true);
    expect(isEmbedPath('/embed')).toBe(false);
    expect(isEmbedPath('/embedded/x')).toBe(false);
    expect(isEmbedPath('/learn/client-credentials/step')).toBe(false);
    expect(isEmbedPath('/api/embed/x')).toBe(false);
  });
});
