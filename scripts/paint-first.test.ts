// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FALLBACK_MS, loadedByLoader, loaderScript, paintFirst } from './paint-first.mjs';

/** The head and body of a page as Next 16 prerenders it (scripts, preload, polyfill). */
const page = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/boot.js"/>',
  '<link rel="preload" as="image" fetchPriority="low" href="/x.png"/>',
  '<link rel="preload" href="/_next/static/chunks/lazy.js" as="script" fetchPriority="low"/>',
  '<script src="/_next/static/chunks/one.js" async=""></script>',
  '<script src="/_next/static/chunks/two.js" async=""></script>',
  '<title>T</title><script>window.theme=1</script></head><body><main>Text</main>',
  '<script src="/_next/static/chunks/poly.js" noModule=""></script>',
  '<script src="/_next/static/chunks/boot.js" async=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
].join('');

/** The loader's script body, run here as the page would run it. */
function runLoader(scripts: string[], preloads: string[] = []) {
  const body = loaderScript(scripts, preloads).replace(/^<script>|<\/script>$/g, '');
  new Function(body)();
}

const requested = () =>
  [...document.head.querySelectorAll('script[src]')].map((s) => [
    s.getAttribute('src'),
    s.hasAttribute('async'),
  ]);

describe('paintFirst (prerendered pages load their scripts after the first paint)', () => {
  it('takes out every script Next starts and its preload, and keeps everything else', () => {
    const out = paintFirst(page);
    expect(out).not.toMatch(/<script src="[^"]+" async="">/);
    expect(out).not.toContain('<link rel="preload" as="script"');
    expect(out).not.toContain('<link rel="preload" href="/_next/static/chunks/lazy.js"');
    // Not a script Next starts: the stylesheet, an image preload, the polyfill, inline scripts.
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(out).toContain('href="/x.png"');
    expect(out).toContain('src="/_next/static/chunks/poly.js" noModule=""');
    expect(out).toContain('<script>window.theme=1</script>');
    expect(out).toContain('self.__next_f');
    // The loader, in <head>, names the scripts in the page's order, and the chunk to preload.
    expect(out.indexOf('(function(s,p)')).toBeLessThan(out.indexOf('</head>'));
    expect(loadedByLoader(out)).toEqual({
      scripts: [
        '/_next/static/chunks/one.js',
        '/_next/static/chunks/two.js',
        '/_next/static/chunks/boot.js',
      ],
      preloads: ['/_next/static/chunks/lazy.js'],
    });
    expect(loadedByLoader(page)).toBeNull();
  });

  it('refuses markup it does not know, so a Next upgrade cannot leave pages unchanged unseen', () => {
    expect(() => paintFirst('<html><head></head><body></body></html>')).toThrow(/no <script/);
    expect(() => paintFirst('<script src="/a.js" async=""></script>')).toThrow(/no <\/head>/);
    const withIntegrity = page.replace(
      '<title>',
      '<script src="/b.js" async="" integrity="x"></script><title>',
    );
    expect(() => paintFirst(withIntegrity)).toThrow(/does not know: <script src="\/b.js"/);
  });
});

describe('the loader', () => {
  const observers: { cb: PerformanceObserverCallback; disconnected: boolean }[] = [];
  class FakeObserver {
    entry: { cb: PerformanceObserverCallback; disconnected: boolean };
    constructor(cb: PerformanceObserverCallback) {
      this.entry = { cb, disconnected: false };
      observers.push(this.entry);
    }
    observe() {}
    disconnect() {
      this.entry.disconnected = true;
    }
  }
  const paint = (name: string) =>
    observers
      .at(-1)!
      .cb(
        { getEntriesByName: (n: string) => (n === name ? [{ name }] : []) } as never,
        {} as never,
      );

  afterEach(() => {
    document.head.innerHTML = '';
    observers.length = 0;
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks for the scripts, async and in order, once the first contentful paint is reported', () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    runLoader(['/a.js', '/b.js'], ['/lazy.js']);
    expect(requested()).toEqual([]);
    paint('first-paint');
    expect(requested()).toEqual([]);
    paint('first-contentful-paint');
    expect(requested()).toEqual([
      ['/a.js', true],
      ['/b.js', true],
    ]);
    const preload = document.head.querySelector('link')!;
    expect([preload.rel, preload.getAttribute('as'), preload.getAttribute('href')]).toEqual([
      'preload',
      'script',
      '/lazy.js',
    ]);
    expect(observers[0]!.disconnected).toBe(true);
    paint('first-contentful-paint');
    expect(requested()).toHaveLength(2);
  });

  it('asks after FALLBACK_MS when no paint is reported, and only once', () => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    runLoader(['/a.js']);
    vi.advanceTimersByTime(FALLBACK_MS - 1);
    expect(requested()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(requested()).toEqual([['/a.js', true]]);
    paint('first-contentful-paint');
    expect(requested()).toHaveLength(1);
  });

  it('asks at once in a hidden tab (it paints nothing) and without paint timing', () => {
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    runLoader(['/a.js']);
    expect(requested()).toEqual([['/a.js', true]]);
    visibility.mockRestore();

    document.head.innerHTML = '';
    vi.stubGlobal('PerformanceObserver', undefined);
    runLoader(['/b.js']);
    expect(requested()).toEqual([['/b.js', true]]);
  });
});
