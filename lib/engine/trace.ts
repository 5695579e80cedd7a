import type { LessonRun } from '../lessons/types';
import type { HttpRequestRecord } from '../protocol/records';
import { getScenario } from './scenarios';
import type { EngineDeps } from './http';
import type { RunConfig, StepRunner } from './runners';
import type { StepRecord, Vars } from './step-record';

/**
 * The trace: one record per step, built lazily by actually running the flow. Stepping forward
 * onto a step that talks to a server sends its request then; stepping back only moves a cursor
 * over records that already exist.
 */

/** The variables before step 1: every tracked variable is None. */
export function initialVars(lesson: LessonRun): Vars {
  return Object.fromEntries(lesson.variables.map((v) => [v.name, null]));
}

/** The lesson's runner of a step (undefined for an id that is not one of its steps). */
async function runnerOf(lesson: LessonRun, stepId: string): Promise<StepRunner | undefined> {
  const runners: Readonly<Record<string, StepRunner>> = await lesson.loadRunners();
  return Object.hasOwn(runners, stepId) ? runners[stepId] : undefined;
}

/** Whether stepping onto this step of the lesson talks to a server (so its request is sent then). */
export async function stepTalksToServer(
  lesson: LessonRun,
  stepId: string,
  treatment: string,
): Promise<boolean> {
  return (await runnerOf(lesson, stepId))?.talksToServer(treatment) ?? false;
}

/**
 * Runs the next step of the flow (the one after the last record) and returns its record.
 * The caller appends it to the trace. Rejects when the network fails or the trace is complete.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export async function runNextStep(
  config: RunConfig,
  trace: readonly StepRecord[],
  deps: EngineDeps,
): Promise<StepRecord> {
  const step = config.lesson.steps[trace.length];
  if (!step) throw new Error('The trace is already complete.');
  const runner = await runnerOf(config.lesson, step.id);
  if (!runner) throw new Error(`No runner for step "${step.id}".`);
  const vars = trace.at(-1)?.vars ?? initialVars(config.lesson);
  const result = await runner.run({ config, trace, vars, deps });
  return { ...result, stepId: step.id, number: step.number };
}

/** Runs every step from the start and returns the full trace (tests, quizzes, previews). */
export async function runAll(config: RunConfig, deps: EngineDeps): Promise<StepRecord[]> {
  const trace: StepRecord[] = [];
  while (trace.length < config.lesson.steps.length)
    trace.push(await runNextStep(config, trace, deps));
  return trace;
}

/**
 * The token request the lesson's happy path prepares, made afresh: its steps run up to the one
 * that prepares it (registering this browser's client and signing an assertion where the lesson
 * does), and nothing is sent. For views that show or send the lesson's own request (the examples,
 * the sandbox).
 */
export async function prepareTokenRequest(
  lesson: LessonRun,
  deps: EngineDeps,
): Promise<HttpRequestRecord> {
  const { settings, treatment } = getScenario(lesson, 'valid');
  const trace: StepRecord[] = [];
  while (trace.length < lesson.steps.length) {
    const record = await runNextStep({ lesson, settings, treatment }, trace, deps);
    if (record.prepared) return record.prepared;
    trace.push(record);
  }
  throw new Error('The lesson’s run prepares no token request.');
}
