import type { LessonRun } from '../types';
import { flow } from './flow';
import { predictions } from './predictions';
import { runText } from './run-text';
import { scenarios, type ScenarioId } from './scenarios';
import { steps, type StepId } from './steps';
import { variables } from './variables';

/** What the browser runs of the client credentials lesson (the rest is in `index.ts`). */
export const run = {
  slug: 'client-credentials',
  title: 'Client credentials flow',
  flow,
  steps,
  variables,
  scenarios,
  loadRunners: () => import('./runners').then((m) => m.runners),
  runText,
  predictions,
} satisfies LessonRun<StepId, ScenarioId>;
