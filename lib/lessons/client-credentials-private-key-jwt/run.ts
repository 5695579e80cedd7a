import type { LessonRun } from '../types';
import { flow } from './flow';
import { predictions } from './predictions';
import { runText } from './run-text';
import { scenarios, type ScenarioId } from './scenarios';
import { steps, type StepId } from './steps';
import { variables } from './variables';

/** What the browser runs of the private_key_jwt lesson (the rest is in `index.ts`). */
export const run = {
  slug: 'client-credentials-private-key-jwt',
  title: 'Client credentials with a private key (private_key_jwt)',
  flow,
  steps,
  variables,
  scenarios,
  loadRunners: () => import('./runners').then((m) => m.runners),
  runText,
  predictions,
  emptyValueHints: {
    clientId: 'empty: this browser’s own client',
    clientSecret: 'none: the private key signs',
  },
} satisfies LessonRun<StepId, ScenarioId>;
