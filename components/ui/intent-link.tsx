'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A `next/link` that prefetches only once the learner shows intent (pointer over it, touch, or
 * keyboard focus), instead of as soon as it scrolls into view. For the links every page repeats
 * (header, breadcrumbs, mode bar): prefetching all of them after load competes with the page's
 * own first render, while hover still warms the route well before the click lands.
 * @see https://nextjs.org/docs/app/guides/prefetching#hover-triggered-prefetch
 */
export function IntentLink({
  onPointerEnter,
  onTouchStart,
  onFocus,
  ...props
}: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onPointerEnter={(event) => {
        setIntent(true);
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
