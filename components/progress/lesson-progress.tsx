'use client';

import Link from 'next/link';
import { modes } from '@/components/modes/modes';
import { stepHref } from '@/lib/engine/deep-link';
import { useLessonProgress, useProgressHydrated } from '@/lib/store/progress-hooks';
import { practiceScores, visualQuizScore } from '@/lib/store/progress-schema';
import type { ProgressLesson } from './progress-lesson';

/** One lesson's progress in a few lines: modes visited, quiz and practice scores, where to resume. */
export function LessonProgress({
  lesson,
  showTitle = false,
}: {
  lesson: ProgressLesson;
  showTitle?: boolean;
}) {
  const hydrated = useProgressHydrated();
  const progress = useLessonProgress(lesson.slug);
  if (!hydrated) return <p className="text-muted text-sm">Loading your progress…</p>;

  const visited = modes.filter((m) => progress.modes[m.id] !== undefined).length;
  const practice = practiceScores(progress, lesson).all;
  const quiz = visualQuizScore(progress, lesson);
  const last = progress.lastStep;
  const lastTitle = last ? lesson.steps.find((s) => s.number === last.step)?.title : undefined;

  return (
    <div className="text-sm">
      {showTitle ? <p className="mb-1 font-semibold">{lesson.title}</p> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">Modes visited</dt>
        <dd>
          {visited} of {modes.length}
        </dd>
        <dt className="text-muted">Visual quiz</dt>
        <dd>
          {quiz.correct} / {quiz.total} correct
        </dd>
        <dt className="text-muted">Practice</dt>
        <dd>
          {practice.correct} / {practice.total} correct ({practice.answered} answered)
        </dd>
        <dt className="text-muted">Last step</dt>
        <dd>
          {last ? (
            <Link
              href={stepHref(lesson.slug, { scenario: last.scenario, step: last.step })}
              className="text-accent font-medium underline"
            >
              Resume at step {last.step}
              {lastTitle ? `: ${lastTitle}` : ''} (
              {lesson.scenarioTitles[last.scenario] ?? last.scenario})
            </Link>
          ) : (
            'not started'
          )}
        </dd>
      </dl>
    </div>
  );
}
