'use client';

import Link from 'next/link';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { browserDeps } from '@/lib/engine/browser-deps';
import type { EngineDeps } from '@/lib/engine/http';
import { getScenario } from '@/lib/engine/scenarios';
import { runAll } from '@/lib/engine/trace';
import { type StepRecord } from '@/lib/engine/step-record';
import {
  buildVisualQuiz,
  type QuizLook,
  type VisualQuizLesson,
  type VisualQuizQuestion,
} from '@/lib/engine/visual-quiz';
import { WithLessonRun } from '@/components/lessons/with-lesson-run';
import type { LessonRun, VisualQuizItem } from '@/lib/lessons/types';
import { useLessonProgress, useProgress, useProgressHydrated } from '@/lib/store/progress-hooks';
import { visualQuizScore } from '@/lib/store/progress-schema';
import { QuestionCard } from './question-card';
import { QuizRunPanel } from './quiz-run-panel';

type State =
  | { readonly kind: 'running' }
  | {
      readonly kind: 'ready';
      readonly questions: readonly VisualQuizQuestion[];
      /** The runs the questions were built from, by scenario id. */
      readonly runs: Readonly<Record<string, readonly StepRecord[]>>;
      readonly at: number;
    }
  | { readonly kind: 'failed'; readonly message: string };

async function run(lesson: LessonRun, scenario: string, deps: EngineDeps): Promise<StepRecord[]> {
  const s = getScenario(lesson, scenario);
  return runAll({ lesson, settings: s.settings, treatment: s.treatment }, deps);
}

/** The visual quiz templates of a lesson, from its server page. */
type Items = readonly VisualQuizItem[];

/**
 * The visual quiz, bound to a live run: it runs the happy path (and the wrong-secret branch)
 * against this app's own server, then asks about what that run really produced. Its templates
 * come as props, not with the lesson's run, so the pages that run a lesson without asking about
 * it (the step page) do not carry them.
 */
export function VisualQuiz({ lessonSlug, items }: { lessonSlug: string; items: Items }) {
  return (
    <WithLessonRun slug={lessonSlug}>
      {(run) => <LessonVisualQuiz run={run} items={items} />}
    </WithLessonRun>
  );
}

function LessonVisualQuiz({ run: lessonRun, items }: { run: LessonRun; items: Items }) {
  const lesson: VisualQuizLesson = useMemo(
    () => ({ ...lessonRun, visualQuiz: items }),
    [lessonRun, items],
  );
  const [state, setState] = useState<State>({ kind: 'running' });
  const [shown, setShown] = useState<{ run: string; look: QuizLook | null }>({
    run: 'valid',
    look: null,
  });
  const hydrated = useProgressHydrated();
  const progress = useLessonProgress(lesson.slug);
  const answer = useProgress((s) => s.answer);
  const score = visualQuizScore(progress, lesson);

  const load = useCallback(async (): Promise<State> => {
    try {
      const deps = browserDeps();
      const scenarios = [
        ...new Set(
          (lesson.visualQuiz ?? [])
            .map((q) => q.scenario)
            .filter((s): s is string => !!s && s !== 'valid'),
        ),
      ];
      const [trace, ...others] = await Promise.all([
        run(lesson, 'valid', deps),
        ...scenarios.map((s) => run(lesson, s, deps)),
      ]);
      const questions = buildVisualQuiz(lesson, {
        trace: trace ?? [],
        others: Object.fromEntries(scenarios.map((s, i) => [s, others[i] ?? []])),
      });
      const runs = {
        valid: trace ?? [],
        ...Object.fromEntries(scenarios.map((s, i) => [s, others[i] ?? []])),
      };
      return { kind: 'ready', questions, runs, at: Date.now() };
    } catch (e) {
      return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }, [lesson]);

  // Runs the flow once on arrival; the answer arrives asynchronously. The questions and the run
  // panel it brings render as a transition: in slices, so the page keeps answering input.
  useEffect(() => {
    let live = true;
    void load().then((next) => {
      if (live) startTransition(() => setState(next));
    });
    return () => {
      live = false;
    };
  }, [load]);

  const start = async () => {
    setState({ kind: 'running' });
    const next = await load();
    startTransition(() => setState(next));
  };

  return (
    <div className="space-y-4">
      <div className="border-line bg-surface flex flex-wrap items-center gap-3 rounded-lg border p-3">
        <p aria-live="polite" className="flex-[1_1_16rem] text-sm">
          {state.kind === 'running' ? 'Running the flow against the server in this app…' : null}
          {state.kind === 'ready'
            ? 'Your run is in: the questions below are about the token and the steps it just produced.'
            : null}
          {state.kind === 'failed' ? (
            <span className="text-err">The run failed: {state.message}</span>
          ) : null}
        </p>
        {/* as wide before the stored score is read as after: the button beside it stays put */}
        <p className="text-sm font-semibold tabular-nums" aria-live="polite">
          Score: {hydrated ? score.correct : '–'} / {score.total}
        </p>
        <button
          type="button"
          onClick={() => void start()}
          disabled={state.kind === 'running'}
          className="border-line hover:bg-raised rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60"
        >
          Run the flow again
        </button>
      </div>
      {state.kind === 'ready' ? (
        <div
          key="questions"
          className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]"
        >
          <div className="space-y-4">
            <h2 className="sr-only">Questions about your run</h2>
            {state.questions.map((q, i) => (
              <QuestionCard
                key={`${q.id}-${state.at}`}
                number={i + 1}
                prompt={q.prompt}
                options={q.options}
                answer={q.answer}
                record={hydrated ? progress.visualQuiz[q.id] : undefined}
                onAnswer={(choice, correct) =>
                  answer(lesson.slug, 'visualQuiz', q.id, choice, correct)
                }
                hint={
                  <p>
                    {q.hint}{' '}
                    <button
                      type="button"
                      onClick={() => setShown({ run: q.look.run, look: q.look })}
                      className="text-accent font-medium underline"
                    >
                      Show it in your run
                    </button>{' '}
                    or{' '}
                    <Link href={q.hintHref} className="text-accent font-medium underline">
                      Replay step {q.stepNumber} in the visualizer (a fresh run, with a new token)
                    </Link>
                  </p>
                }
                explanation={
                  <>
                    <p>{q.explanation}</p>
                    <p className="bg-raised rounded-md p-2 break-words">
                      <span className="font-semibold">Your run: </span>
                      {q.evidence}
                    </p>
                  </>
                }
              />
            ))}
          </div>
          <div>
            <QuizRunPanel
              lesson={lesson}
              runs={state.runs}
              run={shown.run}
              look={shown.look}
              onRun={(run) => setShown({ run, look: null })}
            />
          </div>
        </div>
      ) : state.kind === 'running' ? (
        // A card's room for each question while the run is under way: they arrive where the
        // learner already sees them, and nothing below (the next-mode link) jumps down then. Its
        // own key: the questions replace it rather than reuse it (a moved box is a layout shift).
        <div key="placeholder" aria-hidden="true" className="space-y-4">
          {(lesson.visualQuiz ?? []).map((q) => (
            <div
              key={q.id}
              className="border-line bg-surface h-80 rounded-lg border motion-safe:animate-pulse"
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
