'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { recordModeVisit } from '@/lib/store/progress';
import { modeFromPath, modeHref, modes } from './modes';

/**
 * The mode bar on every page of a lesson: one link per mode, the current one marked with
 * aria-current. It also records the visit in the learner's progress.
 */
export function ModeNav({ lesson }: { lesson: string }) {
  const pathname = usePathname();
  const current = modeFromPath(pathname);

  useEffect(() => {
    if (current) recordModeVisit(lesson, current);
  }, [lesson, current]);

  return (
    <nav aria-label="Learning modes" className="print:hidden">
      <ul className="-mx-1 flex gap-1 overflow-x-auto pb-1 text-sm">
        {modes.map((m) => {
          const active = m.id === current;
          return (
            <li key={m.id} className="shrink-0">
              <Link
                href={modeHref(lesson, m.id)}
                aria-current={active ? 'page' : undefined}
                className={
                  active
                    ? 'block rounded-md bg-accent px-3 py-1.5 font-semibold text-bg'
                    : 'block rounded-md px-3 py-1.5 text-fg hover:bg-raised'
                }
              >
                {m.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
