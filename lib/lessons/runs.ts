import { run as clientCredentials } from './client-credentials/run';
import { run as privateKeyJwt } from './client-credentials-private-key-jwt/run';
import type { LessonRun } from './types';

/**
 * What the browser runs of every lesson, in the order of `lessons` (index.ts). Client components
 * import this, never `lessons`, so their bundles carry no lesson prose.
 */
export const lessonRuns: readonly LessonRun[] = [clientCredentials, privateKeyJwt];

/** The runnable part of the lesson with this slug, for a view handed a slug its page already checked (throws otherwise). */
export function requireLessonRun(slug: string): LessonRun {
  const run = lessonRuns.find((r) => r.slug === slug);
  if (!run) throw new Error(`No lesson "${slug}".`);
  return run;
}
