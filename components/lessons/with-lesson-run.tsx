'use client';

import dynamic from 'next/dynamic';
import type { LessonRun } from '@/lib/lessons/types';
import { lessonPartView, providing } from './lesson-part';

const ClientCredentialsRun = dynamic(() =>
  import('@/lib/lessons/client-credentials/run').then((m) => providing<LessonRun>(m.run)),
);
const PrivateKeyJwtRun = dynamic(() =>
  import('@/lib/lessons/client-credentials-private-key-jwt/run').then((m) =>
    providing<LessonRun>(m.run),
  ),
);

/**
 * What the browser runs of each lesson (`lib/lessons/<slug>/run.ts`), one chunk per lesson, so a
 * page carries only the lesson it shows. `next/dynamic` renders the run on the server and makes
 * the page preload its chunk, so it arrives with the page's other scripts and hydration does not
 * wait for it. There is no loading fallback on purpose: with one, `next/dynamic` adds a Suspense
 * boundary, and the first page the server rendered with a lesson (the step page) sent "Loading
 * the lesson…" in place of its content, the content later in a hidden part of the HTML, and a
 * script that swaps them, which React holds back up to 300 ms once the page has painted. Without
 * it the content is in the page where it belongs, and a client-side navigation keeps the old page
 * until the chunk is there. A lesson adds one component above and one line here: the import must
 * be literal for the preload.
 */
const runs = new Map([
  ['client-credentials', ClientCredentialsRun],
  ['client-credentials-private-key-jwt', PrivateKeyJwtRun],
]);

/** The slugs of the lessons that have a run, in lesson order. */
export const lessonRunSlugs: readonly string[] = [...runs.keys()];

/**
 * Renders `children(run)` with the run of the lesson with this slug, for a view handed a slug its
 * page already checked (throws otherwise).
 */
export const WithLessonRun = lessonPartView(runs);
