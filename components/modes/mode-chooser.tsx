'use client';

import Link from 'next/link';
import { useLessonProgress, useProgressHydrated } from '@/lib/store/progress-hooks';
import { modeHref, modes } from './modes';

/** A card per learning mode; modes the learner has visited are marked (after mount). */
export function ModeChooser({ lesson }: { lesson: string }) {
  const hydrated = useProgressHydrated();
  const progress = useLessonProgress(lesson);
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {modes.map((m) => {
        const visited = hydrated && progress.modes[m.id] !== undefined;
        return (
          <li key={m.id}>
            <Link
              href={modeHref(lesson, m.id)}
              className="border-line bg-surface hover:border-accent hover:bg-raised block h-full rounded-lg border p-4"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="font-semibold">{m.label}</span>
                {visited ? (
                  <span className="bg-ok-soft text-fg rounded px-1.5 py-0.5 text-xs font-medium">
                    <span aria-hidden="true" className="text-ok">
                      ✓{' '}
                    </span>
                    visited
                  </span>
                ) : null}
              </span>
              <span className="text-muted mt-1 block text-sm">{m.blurb}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
