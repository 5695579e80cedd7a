'use client';

import { usePathname } from 'next/navigation';
import { isEmbedPath } from '@/lib/server/embed-path';

/** Renders its children on every page except the embeds (`/embed/*`), which show the stepper alone. */
export function OutsideEmbeds({ children }: { children: React.ReactNode }) {
  return isEmbedPath(usePathname()) ? null : children;
}
