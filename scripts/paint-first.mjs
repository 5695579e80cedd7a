// @ts-check
/**
 * Paint first, then load the JavaScript: a Next.js build adapter (next.config.ts adapterPath)
 * that rewrites every prerendered HTML page once the build is complete.
 *
 * Next starts every script of a page from <head> (React's preinit scripts, async) and preloads
 * the bootstrap script, so on a fast connection the scripts arrive, and often run, while the
 * browser is still laying out and presenting the server-rendered page's first frame. Lighthouse's
 * simulation counts every script that finished downloading before the largest paint as needed
 * for it, which put the lesson pages' LCP two to three times later than their first paint.
 * Every lesson page is readable without JavaScript (the static HTML is the whole page; hydration
 * only adds behaviour), so the page asks for its scripts once the browser reports the first
 * contentful paint. A tab that is hidden (it paints nothing) asks at once, and a browser that
 * never reports the paint asks after FALLBACK_MS. Presses on any button before hydration are
 * kept and made once it is done (components/ui/early-clicks.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';

/** Longest a page waits for the paint report before it asks for its scripts anyway. */
export const FALLBACK_MS = 3000;

const ASYNC_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;
const LINK = /<link\b[^>]*>/g;
const SCRIPT_PRELOAD = /\brel="preload"/;
const AS_SCRIPT = /\bas="script"/;
const HREF = /\bhref="([^"]+)"/;

/**
 * The inline loader: after the first contentful paint it asks for the scripts, in their order,
 * and preloads the chunks the page will import (next/dynamic's), as the markup did before.
 * @param {string[]} scripts
 * @param {string[]} preloads
 */
export function loaderScript(scripts, preloads = []) {
  return (
    '<script>(function(s,p){var d=0;function add(t,a){var e=document.createElement(t);' +
    'for(var k in a)e.setAttribute(k,a[k]);document.head.appendChild(e)}function go(){if(d)return;' +
    "d=1;for(var i=0;i<s.length;i++)add('script',{src:s[i],async:''});for(i=0;i<p.length;i++)" +
    "add('link',{rel:'preload',as:'script',fetchpriority:'low',href:p[i]})}" +
    "if(document.visibilityState==='hidden')return go();try{var o=new PerformanceObserver(" +
    "function(l){if(l.getEntriesByName('first-contentful-paint').length){o.disconnect();go()}});" +
    "o.observe({type:'paint',buffered:true})}catch(e){return go()}" +
    `setTimeout(go,${FALLBACK_MS})})(${JSON.stringify(scripts)},${JSON.stringify(preloads)})</script>`
  );
}

/**
 * The scripts and preloads a page's loader asks for, or null when the page has no loader.
 * @param {string} html
 * @returns {{ scripts: string[], preloads: string[] } | null}
 */
export function loadedByLoader(html) {
  const m = /<script>\(function\(s,p\)\{.*?\}\)\((\[[^\]]*\]),(\[[^\]]*\])\)<\/script>/.exec(html);
  return m ? { scripts: JSON.parse(m[1]), preloads: JSON.parse(m[2]) } : null;
}

/**
 * One prerendered page with its script tags and script preloads taken out and the loader put
 * at the end of <head>. Throws when the page has no script Next would start, or a script tag of
 * a shape this adapter does not know (a Next upgrade must not leave pages half-rewritten unseen).
 * @param {string} html
 */
export function paintFirst(html) {
  /** @type {string[]} */
  const scripts = [];
  let out = html.replace(ASYNC_SCRIPT, (_, src) => {
    if (!scripts.includes(src)) scripts.push(src);
    return '';
  });
  if (scripts.length === 0) throw new Error('paint-first: the page has no <script src async> tags');
  const unknown = /<script\b(?![^>]*\bnoModule\b)[^>]*\bsrc=[^>]*>/i.exec(out);
  if (unknown) throw new Error(`paint-first: a script tag it does not know: ${unknown[0]}`);
  /** @type {string[]} */
  const preloads = [];
  out = out.replace(LINK, (tag) => {
    const href = HREF.exec(tag)?.[1];
    if (!href || !SCRIPT_PRELOAD.test(tag) || !AS_SCRIPT.test(tag)) return tag;
    if (!scripts.includes(href) && !preloads.includes(href)) preloads.push(href);
    return '';
  });
  const head = out.indexOf('</head>');
  if (head < 0) throw new Error('paint-first: the page has no </head>');
  return out.slice(0, head) + loaderScript(scripts, preloads) + out.slice(head);
}

/** @type {import('next').NextAdapter} */
const adapter = {
  name: 'flowlab-paint-first',
  async onBuildComplete({ outputs }) {
    const files = new Set(
      outputs.prerenders
        .map((p) => p.fallback?.filePath)
        .filter((f) => typeof f === 'string' && f.endsWith('.html')),
    );
    for (const file of files) {
      await writeFile(file, paintFirst(await readFile(file, 'utf8')));
    }
    console.log(
      `paint-first: ${files.size} prerendered pages load their scripts after the first paint`,
    );
  },
};

export default adapter;
