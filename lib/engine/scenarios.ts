import type { LessonRun } from '../lessons/types';
import type { TokenRequestSettings } from '../protocol/requests';

/**
 * Scenarios: the runs a learner (or an instructor) can pick in the step engine. Each lesson holds
 * its own (`Lesson.scenarios`); the ids are a public contract within the lesson: quiz hints,
 * practice "try it" links, the presenter view and deep links (`?scenario=<id>`) use them. Every
 * lesson has `valid` (the happy path, first) and `custom` (the learner's own values).
 */

/** What an empty client value means in a run, shown as the field's placeholder. */
export interface EmptyValueHints {
  readonly clientId?: string;
  readonly clientSecret?: string;
}

/** A response the scenario expects: the status and, for errors, the RFC error code. */
export interface ExpectedOutcome {
  readonly status: number;
  readonly error?: string;
}

/**
 * A scenario: the token request it sends, what the lesson's runners do differently (`treatment`,
 * one of the lesson's own), and what it expects.
 */
export interface Scenario<Id extends string = string, Treatment extends string = string> {
  readonly id: Id;
  readonly title: string;
  /** One line: what this run does. */
  readonly description: string;
  readonly settings: TokenRequestSettings;
  readonly treatment: Treatment;
  /** What an empty client value means in this scenario's runs, when not what the lesson says. */
  readonly emptyValueHints?: EmptyValueHints;
  /**
   * The token endpoint's answer, and the API's when the flow gets that far; `null` for `custom`,
   * where the learner's values decide.
   */
  readonly expected: { readonly token: ExpectedOutcome; readonly api?: ExpectedOutcome } | null;
}

/** The id of the learner's own values, a scenario of every lesson. */
export const CUSTOM_SCENARIO = 'custom';

/** Whether `value` (a URL parameter, say) names one of the lesson's scenarios. */
export function isScenarioOf(lesson: LessonRun, value: unknown): value is string {
  return typeof value === 'string' && lesson.scenarios.some((s) => s.id === value);
}

/** The lesson's scenario with this id (its first, the happy path, when the id is unknown). */
export function getScenario(lesson: LessonRun, id: string): Scenario {
  return lesson.scenarios.find((s) => s.id === id) ?? (lesson.scenarios[0] as Scenario);
}

/** The scenarios a presenter switches between: every one of the lesson's but the learner's own. */
export function presentableScenarios(lesson: LessonRun): readonly Scenario[] {
  return lesson.scenarios.filter((s) => s.id !== CUSTOM_SCENARIO);
}
