import { brandMarkSvg } from '@/components/brand-mark';

/** Prerendered at build time: the mark never changes while the server runs. */
export const dynamic = 'force-static';

/** The favicon: the mark the site header draws (components/brand-mark.tsx). */
export function GET(): Response {
  return new Response(brandMarkSvg, {
    headers: {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
    },
  });
}
