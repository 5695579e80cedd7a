import type { NextAdapter } from 'next';

/** Longest a page waits for the paint report before it asks for its scripts anyway. */
export const FALLBACK_MS: number;
/** The inline loader that asks for `scripts` (and preloads `preloads`) after the first paint. */
export function loaderScript(scripts: string[], preloads?: string[]): string;
/** What a page's loader asks for, or null when the page has none. */
export function loadedByLoader(html: string): { scripts: string[]; preloads: string[] } | null;
/** A prerendered page whose scripts load after the first paint (throws on unknown markup). */
export function paintFirst(html: string): string;
declare const adapter: NextAdapter;
export default adapter;
