import type { Lesson } from '../lessons/types';
import { isStepId, type StepId } from '../lessons/client-credentials/steps';
import type { EngineDeps } from './http';
import { runners, type RunConfig, type StepRunner } from './runners';
import type { TokenTreatment } from './scenarios';
import type { StepRecord, Vars } from './step-record';

/**
 * The trace: one record per step, built lazily by actually running the flow. Stepping forward
 * onto a step that talks to a server sends its request then; stepping back only moves a cursor
 * over records that already exist.
 */

/** The variables before step 1: every tracked variable is None. */
export function initialVars(lesson: Lesson): Vars {
  return Object.fromEntries(lesson.variables.map((v) => [v.name, null]));
}

/** Whether stepping onto this step talks to a server (so its request is sent then). */
export function stepTalksToServer(stepId: StepId, treatment: TokenTreatment): boolean {
  return runners[stepId].talksToServer(treatment);
}

/** Runs one step with its own runner; the correlated step id and outcome stay typed. */
async function runStep<S extends StepId>(
  stepId: S,
  number: number,
  ctx: Parameters<StepRunner<S>['run']>[0],
): Promise<StepRecord> {
  const runner: StepRunner<S> = runners[stepId];
  const result = await runner.run(ctx);
  return { ...result, stepId, number } as StepRecord;
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
  if (!isStepId(step.id)) throw new Error(`No runner for step "${step.id}".`);
  const vars = trace.at(-1)?.vars ?? initialVars(config.lesson);
  return runStep(step.id, step.number, { config, trace, vars, deps });
}

/** Runs every step from the start and returns the full trace (tests, quizzes, previews). */
export async function runAll(config: RunConfig, deps: EngineDeps): Promise<StepRecord[]> {
  const trace: StepRecord[] = [];
  while (trace.length < config.lesson.steps.length)
    trace.push(await runNextStep(config, trace, deps));
  return trace;
}
