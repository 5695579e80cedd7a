import type { LessonRun } from '../lessons/types';
import { isScenarioOf } from './scenarios';

/** A stepper position as a link carries it: `?scenario=<id>&step=<n>`. */
export interface StepLink {
  /** One of the lesson's scenario ids. */
  readonly scenario?: string;
  /** 1-based step, clamped to the lesson's length. */
  readonly step?: number;
}

/** Reads `?scenario=<id>&step=<n>` for a lesson; scenarios it does not have and bad steps are ignored. */
export function parseStepLink(search: string, lesson: LessonRun): StepLink {
  const totalSteps = lesson.steps.length;
  const params = new URLSearchParams(search);
  const scenario = params.get('scenario');
  const raw = Number(params.get('step') ?? '');
  const step = Number.isInteger(raw) && raw >= 1 ? Math.min(raw, totalSteps) : undefined;
  return { ...(isScenarioOf(lesson, scenario) ? { scenario } : {}), ...(step ? { step } : {}) };
}

/**
 * The one link to a step of the step-by-step page, e.g.
 * `/learn/client-credentials/step?scenario=valid&step=4` (the scenario is any scenario id a
 * lesson names; the page ignores one it does not know).
 */
export function stepHref(
  lessonSlug: string,
  link: { readonly scenario?: string | undefined; readonly step?: number | undefined },
): string {
  const params = new URLSearchParams();
  if (link.scenario) params.set('scenario', link.scenario);
  if (link.step) params.set('step', String(link.step));
  const query = params.toString();
  return `/learn/${lessonSlug}/step${query ? `?${query}` : ''}`;
}
