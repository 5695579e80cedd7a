/**
 * Where the embeddable pages live: `/embed/<lesson>/step`, the stepper alone for iframes.
 * Plain data (no Node, no Next), so the proxy, the headers and the root layout's chrome share it.
 */

/** The top URL segment of the embeddable pages (`app/embed/`). */
export const EMBED_SEGMENT = 'embed';

/** Whether a path is an embeddable page, the only pages another site may frame. */
export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(`/${EMBED_SEGMENT}/`);
}
