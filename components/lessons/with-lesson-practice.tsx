'use client';

import dynamic from 'next/dynamic';
import type { PracticeQuestion } from '@/lib/lessons/types';
import { lessonPartView, providing } from './lesson-part';

type Practice = readonly PracticeQuestion[];

const ClientCredentialsPractice = dynamic(() =>
  import('@/lib/lessons/client-credentials/practice').then((m) => providing<Practice>(m.practice)),
);
const PrivateKeyJwtPractice = dynamic(() =>
  import('@/lib/lessons/client-credentials-private-key-jwt/practice').then((m) =>
    providing<Practice>(m.practice),
  ),
);

/**
 * Each lesson's practice questions (`lib/lessons/<slug>/practice.ts`) as a script of their own
 * instead of props in the page: a server component's props to a client component travel in the
 * HTML a second time, after the markup they render, and the practice set of the first lesson
 * made its page 24 kB gzipped, two round trips before the first paint. As a chunk, the questions
 * come with the page's other scripts, after the paint (see `WithLessonRun` for why `next/dynamic`
 * has no loading fallback). A lesson adds one component above and one line here.
 */
const practices = new Map([
  ['client-credentials', ClientCredentialsPractice],
  ['client-credentials-private-key-jwt', PrivateKeyJwtPractice],
]);

/** The slugs of the lessons that have practice questions, in lesson order. */
export const lessonPracticeSlugs: readonly string[] = [...practices.keys()];

/** Renders `children(practice)` with the practice questions of the lesson with this slug. */
export const WithLessonPractice = lessonPartView(practices);
