'use client';

import dynamic from 'next/dynamic';
import type { ComponentType, ReactNode } from 'react';
import type { LessonRun } from '@/lib/lessons/types';

/** Children as a function of the lesson's run. */
type RunChildren = { children: (run: LessonRun) => ReactNode };

function providing(run: LessonRun): ComponentType<RunChildren> {
  return function ProvidesRun({ children }: RunChildren) {
    return children(run);
  };
}

const loading = () => <p className="text-muted text-sm">Loading the lesson…</p>;

const ClientCredentialsRun = dynamic(
  () => import('@/lib/lessons/client-credentials/run').then((m) => providing(m.run)),
  { loading },
);
const PrivateKeyJwtRun = dynamic(
  () =>
    import('@/lib/lessons/client-credentials-private-key-jwt/run').then((m) => providing(m.run)),
  { loading },
);

/**
 * What the browser runs of each lesson (`lib/lessons/<slug>/run.ts`), one chunk per lesson, so a
 * page carries only the lesson it shows. `next/dynamic` renders the run on the server and makes
 * the page preload its chunk, so it arrives with the page's other scripts and hydration does not
 * wait for it. A lesson adds one component above and one line here: the import must be literal
 * for the preload.
 */
const runs = new Map<string, (children: RunChildren['children']) => ReactNode>([
  ['client-credentials', (children) => <ClientCredentialsRun>{children}</ClientCredentialsRun>],
  [
    'client-credentials-private-key-jwt',
    (children) => <PrivateKeyJwtRun>{children}</PrivateKeyJwtRun>,
  ],
]);

/** The slugs of the lessons that have a run, in lesson order. */
export const lessonRunSlugs: readonly string[] = [...runs.keys()];

/**
 * Renders `children(run)` with the run of the lesson with this slug, for a view handed a slug its
 * page already checked (throws otherwise).
 */
export function WithLessonRun({ slug, children }: { slug: string } & RunChildren) {
  const render = runs.get(slug);
  if (!render) throw new Error(`No lesson "${slug}".`);
  return render(children);
}
