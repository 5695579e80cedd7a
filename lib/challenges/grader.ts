/**
 * The grader: given a lesson's tasks, what it remembers of a client and one new observation of
 * that client, decides which tasks the observation passes and what to remember next. Pure: the
 * server wiring (`lib/server/challenges.ts`) feeds it the auth server's events and stores the
 * result.
 */
import type { Observation } from './observe';
import type { GraderMemory, LessonChallenges, RequestPattern, TaskPass } from './types';

/** Tokens remembered per task (a sequence's first step, a reuse count); the oldest go first. */
export const MAX_TOKENS_PER_TASK = 20;

/** The memory of a client the grader has seen nothing of. */
export const EMPTY_MEMORY: GraderMemory = { tokens: {} };

/** Whether an observed request matches a pattern: every field the pattern gives. */
export function matches(pattern: RequestPattern, observation: Observation): boolean {
  const r = observation.request;
  if (pattern.endpoint !== r.endpoint) return false;
  if (pattern.status !== undefined && pattern.status !== r.status) return false;
  if (pattern.error !== undefined && pattern.error !== r.error) return false;
  if (pattern.authMethod !== undefined && pattern.authMethod !== r.authMethod) return false;
  if (
    pattern.passedCheck !== undefined &&
    !r.checks.some((c) => c.id === pattern.passedCheck && c.ok)
  ) {
    return false;
  }
  if (pattern.failedCheck !== undefined) {
    const failed = r.checks.findLast((c) => !c.ok);
    if (failed?.id !== pattern.failedCheck) return false;
  }
  if (
    pattern.failedDetail !== undefined &&
    r.checks.findLast((c) => !c.ok)?.detail !== pattern.failedDetail
  ) {
    return false;
  }
  return true;
}

function remember(
  tokens: GraderMemory['tokens'],
  taskId: string,
  tokenId: string,
  count: number,
): GraderMemory['tokens'] {
  const entries = Object.entries(tokens[taskId] ?? {}).filter(([id]) => id !== tokenId);
  entries.push([tokenId, count]);
  return { ...tokens, [taskId]: Object.fromEntries(entries.slice(-MAX_TOKENS_PER_TASK)) };
}

/** The key of a task's pass and memory: `<lesson>/<task id>`. */
export function passKey(lesson: string, taskId: string): string {
  return `${lesson}/${taskId}`;
}

/** What grading one observation decided. */
export interface GradeResult {
  readonly memory: GraderMemory;
  /** The tasks this observation passed (none already `done`), with the request kept. */
  readonly passed: readonly TaskPass[];
}

/**
 * Grades one observation of a client against every lesson's tasks not yet `done` (keys of
 * {@link passKey}). Only a proven request (see {@link Observation.proven}) passes a task or
 * advances a sequence; a refusal with `Retry-After` is remembered whoever sent it, and the next
 * proven attempt at a client-authenticating endpoint is measured against it, which then is
 * forgotten. A request that does not prove to be the client (a wrong secret, a secret sent the way
 * the client did not register, a classmate naming it) is not an attempt of its owner: it neither
 * passes the wait nor forgets it.
 */
export function grade(
  sets: readonly LessonChallenges[],
  memory: GraderMemory,
  observation: Observation,
  done: ReadonlySet<string>,
): GradeResult {
  const { request, proven, tokenId } = observation;
  const refusal = memory.refusal;
  let tokens = memory.tokens;
  const passed: TaskPass[] = [];
  for (const { lesson, tasks } of sets) {
    for (const task of tasks) {
      const key = passKey(lesson, task.id);
      if (done.has(key)) continue;
      const rule = task.rule;
      let pass = false;
      if (rule.kind === 'request') {
        pass = proven && matches(rule.match, observation);
      } else if (rule.kind === 'sequence') {
        if (!proven || tokenId === undefined) continue;
        if (matches(rule.then, observation) && tokens[key]?.[tokenId] !== undefined) pass = true;
        else if (matches(rule.first, observation)) tokens = remember(tokens, key, tokenId, 1);
      } else if (rule.kind === 'token-reuse') {
        if (!proven || tokenId === undefined || !matches(rule.match, observation)) continue;
        const count = (tokens[key]?.[tokenId] ?? 0) + 1;
        if (count >= rule.times) pass = true;
        else tokens = remember(tokens, key, tokenId, count);
      } else if (refusal && isAttempt(observation)) {
        const waited = request.at - refusal.at >= refusal.retryAfter * 1000;
        pass = waited && matches(rule.then, observation);
      }
      if (!pass) continue;
      passed.push({ lesson, taskId: task.id, at: request.at, request });
      const { [key]: _done, ...rest } = tokens;
      tokens = rest;
    }
  }
  return { memory: nextMemory(tokens, refusal, observation), passed };
}

/**
 * Whether an observation is the client's own next attempt after a refusal: proven, at an endpoint
 * that authenticates clients, and not refused again.
 */
function isAttempt({ proven, request }: Observation): boolean {
  return proven && request.endpoint !== 'api' && request.status !== 429;
}

/** The refusal to remember after an observation: a new 429, or the old one until an attempt. */
function nextMemory(
  tokens: GraderMemory['tokens'],
  refusal: GraderMemory['refusal'],
  observation: Observation,
): GraderMemory {
  const { request, retryAfter } = observation;
  if (request.status === 429 && retryAfter !== undefined) {
    return { tokens, refusal: { at: request.at, retryAfter } };
  }
  if (refusal && !isAttempt(observation)) return { tokens, refusal };
  return { tokens };
}
