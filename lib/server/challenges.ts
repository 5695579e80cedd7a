/**
 * The Next wiring of challenges: one grader per process, fed by the auth server's events (it
 * grades where the request arrived), and one challenge store chosen from the environment.
 * Requests of one client are graded one after the other, so its memory is never lost to a race.
 */
import 'server-only';
import { grade, passKey } from '@/lib/challenges/grader';
import { observe, type Observation } from '@/lib/challenges/observe';
import type { LessonChallenges } from '@/lib/challenges/types';
import { lessons } from '@/lib/lessons';
import type { AuthEventSource } from '@/lib/oauth/events';
import { REGISTERED_CLIENT_PREFIX } from '@/lib/protocol/registration';
import type { ChallengeStore } from '@/lib/state/challenge-store';
import { openChallengeStore } from '@/lib/server/state';

interface Holder {
  store?: Promise<ChallengeStore>;
  readonly queues: Map<string, Promise<void>>;
  readonly attached: WeakSet<AuthEventSource>;
}

const HOLDER = Symbol.for('flowlab.challenges');
const g = globalThis as typeof globalThis & { [HOLDER]?: Holder };
const holder: Holder = (g[HOLDER] ??= { queues: new Map(), attached: new WeakSet() });

/** Every lesson's challenges (the lessons that have some). */
export const challengeSets: readonly LessonChallenges[] = lessons.flatMap((l) =>
  l.challenges ? [{ lesson: l.slug, tasks: l.challenges.tasks }] : [],
);

/** The challenges of one lesson, or undefined when it has none. */
export function challengesOf(lesson: string): LessonChallenges | undefined {
  return challengeSets.find((s) => s.lesson === lesson);
}

/** The challenge store of this process (opened from the environment on first use). */
export function challengeStore(): Promise<ChallengeStore> {
  holder.store ??= openChallengeStore(process.env).catch((e: unknown) => {
    holder.store = undefined;
    throw e;
  });
  return holder.store;
}

async function gradeObservation(observation: Observation): Promise<void> {
  const store = await challengeStore();
  const { memory, passes } = await store.load(observation.subject);
  const done = new Set(passes.map((p) => passKey(p.lesson, p.taskId)));
  const result = grade(challengeSets, memory, observation, done);
  if (result.passed.length === 0 && JSON.stringify(result.memory) === JSON.stringify(memory)) {
    return; // nothing to write (most requests)
  }
  await store.record(observation.subject, result.memory, result.passed);
}

/** Grades the requests of a source's learner clients; attaching the same source twice is a no-op. */
export function attachChallengeGrader(source: AuthEventSource): void {
  if (holder.attached.has(source)) return;
  holder.attached.add(source);
  source.subscribe((event) => {
    const observation = observe(event);
    if (!observation?.subject.startsWith(REGISTERED_CLIENT_PREFIX)) return;
    const client = observation.subject;
    const next = (holder.queues.get(client) ?? Promise.resolve())
      .then(() => gradeObservation(observation))
      .catch((e: unknown) => {
        console.error(`FlowLab: a challenge could not be graded: ${(e as Error).message}`);
      });
    holder.queues.set(client, next);
    void next.then(() => {
      if (holder.queues.get(client) === next) holder.queues.delete(client);
    });
  });
}
