/**
 * FlowLab's mark, drawn once: the client (white) with its two arrows to the authorization server
 * (violet) and the protected API (teal), on the client's blue. The site header draws it inline and
 * the favicon is the same markup (brandMarkIcon).
 */
export const brandMarkSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="7" fill="#1d4ed8"/>' +
  '<circle cx="10" cy="16" r="4" fill="#fff"/>' +
  '<circle cx="22" cy="10" r="3" fill="#c4b5fd"/>' +
  '<circle cx="22" cy="22" r="3" fill="#5eead4"/>' +
  '<path d="M13.5 14.5 19 11M13.5 17.5 19 21" stroke="#fff" stroke-width="2" stroke-linecap="round"/>' +
  '</svg>';

/**
 * The favicon, as a data: URL: the browser asks the network for no icon (a request that, made
 * before the first paint, is one more round trip Lighthouse counts for it).
 */
export const brandMarkIcon = `data:image/svg+xml,${encodeURIComponent(brandMarkSvg)}`;

/**
 * The mark in the page, decorative. Inline rather than an `<img>`: no request that competes with
 * the stylesheet, and no separate SVG document for the browser to build before the first paint.
 */
export function BrandMark({ className = 'size-6' }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block shrink-0 *:size-full ${className}`}
      dangerouslySetInnerHTML={{ __html: brandMarkSvg }}
    />
  );
}
