#!/usr/bin/env node
// First-load JavaScript of each prerendered page, gzip: the sum of the script chunks its HTML
// loads or preloads (legacy noModule polyfills excluded). Next 16's build log no longer prints it. The baseline is the built-in not-found page:
// a hello-world page inside FlowLab's root layout.
//   node scripts/bundle-size.mjs [distDir]     (after `next build`)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadedByLoader } from './paint-first.mjs';

const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';
const appDir = join(distDir, 'server', 'app');
if (!existsSync(appDir)) {
  console.error(`No build found in ${distDir}: run \`npm run build\` first.`);
  process.exit(1);
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const gzipCache = new Map();
function gzipSize(src) {
  if (!gzipCache.has(src)) {
    const file = join(distDir, src.replace(/^\/_next\//, '').split('?')[0]);
    gzipCache.set(src, existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
  }
  return gzipCache.get(src);
}

/** @returns {{ route: string, kb: number }} */
function measure(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  // noModule scripts (legacy polyfills) are never loaded by the browsers that run modules
  const tags = [...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]);
  // Scripts the page preloads (next/dynamic's chunks, Next's own) are fetched at load too.
  const preloads = [...html.matchAll(/<link[^>]+>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="preload"/.test(tag) && /\bas="script"/.test(tag))
    .map((tag) => /href="([^"]+\.js[^"]*)"/.exec(tag)?.[1]);
  // A page rewritten by scripts/paint-first.mjs names its scripts in its loader instead.
  const asked = loadedByLoader(html);
  const srcs = new Set(
    [
      ...(asked ? [...asked.scripts, ...asked.preloads] : []),
      ...tags
        .filter((tag) => !/\bnoModule\b/i.test(tag))
        .map((tag) => /src="([^"]+\.js[^"]*)"/.exec(tag)?.[1]),
      ...preloads,
    ].filter(Boolean),
  );
  const bytes = [...srcs].reduce((sum, src) => sum + gzipSize(src), 0);
  const route =
    '/' +
    relative(appDir, htmlPath)
      .replace(/\.html$/, '')
      .replace(/(^|\/)index$/, '');
  return { route, kb: bytes / 1024 };
}

const rows = htmlFiles(appDir)
  .map(measure)
  .sort((a, b) => a.route.localeCompare(b.route));
const baseline = rows.find((r) => r.route === '/_not-found')?.kb ?? 0;
console.log(`First-load JS (gzip), baseline /_not-found = ${baseline.toFixed(1)} kB`);
for (const { route, kb } of rows) {
  console.log(
    `${route.padEnd(44)} ${kb.toFixed(1).padStart(7)} kB   +${(kb - baseline).toFixed(1)} kB`,
  );
}
