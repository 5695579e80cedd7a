'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { IntentLink } from '@/components/ui/intent-link';
import { withProgress } from '@/lib/store/progress-deferred';
import { modeFromPath, modeHref, modes } from './modes';

/**
 * The mode bar on every page of a lesson: one link per mode, the current one marked with
 * aria-current. It also records the visit in the learner's progress (after load, see
 * `withProgress`).
 */
export function ModeNav({ lesson }: { lesson: string }) {
  const pathname = usePathname();
  const current = modeFromPath(pathname);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (current) withProgress((p) => p.recordModeVisit(lesson, current));
  }, [lesson, current]);

  // On a narrow screen the bar scrolls sideways: bring the current mode into view (the list only,
  // never the page).
  useEffect(() => {
    const ul = list.current;
    const link = ul?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!ul || !link || ul.scrollWidth <= ul.clientWidth) return;
    ul.scrollLeft = link.offsetLeft - ul.offsetLeft - (ul.clientWidth - link.offsetWidth) / 2;
  }, [current]);

  return (
    <nav aria-label="Learning modes" className="print:hidden">
      <ul
        ref={list}
        className="-mx-1 flex gap-1 overflow-x-auto pb-1 text-sm md:flex-wrap md:gap-0.5 md:overflow-visible"
      >
        {modes.map((m) => {
          const active = m.id === current;
          return (
            <li key={m.id} className="shrink-0">
              <IntentLink
                href={modeHref(lesson, m.id)}
                aria-current={active ? 'page' : undefined}
                className={
                  active
                    ? 'bg-accent text-bg block rounded-md px-3 py-1.5 font-semibold md:px-2'
                    : 'text-fg hover:bg-raised block rounded-md px-3 py-1.5 md:px-2'
                }
              >
                {m.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
