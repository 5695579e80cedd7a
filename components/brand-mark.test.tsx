// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BrandMark, brandMarkIcon, brandMarkSvg } from './brand-mark';

describe('the brand mark', () => {
  it('is one well-formed SVG document', () => {
    const doc = new DOMParser().parseFromString(brandMarkSvg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 32 32');
  });

  it('is decorative in the page, sized by its class', () => {
    const html = renderToStaticMarkup(<BrandMark className="size-8" />);
    expect(html).toBe(
      `<span aria-hidden="true" class="inline-block shrink-0 *:size-full size-8">${brandMarkSvg}</span>`,
    );
  });

  it('is the favicon, as a data: URL', () => {
    expect(brandMarkIcon.startsWith('data:image/svg+xml,')).toBe(true);
    expect(decodeURIComponent(brandMarkIcon.slice('data:image/svg+xml,'.length))).toBe(
      brandMarkSvg,
    );
  });
});
