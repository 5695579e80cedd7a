'use client';

import Link from 'next/link';
import { memo, startTransition, useEffect, useState } from 'react';
import { WithLessonPractice } from '@/components/lessons/with-lesson-practice';
import { stepHref } from '@/lib/engine/deep-link';
import type { Difficulty, Lesson, PracticeQuestion } from '@/lib/lessons/types';
import { useLessonProgress, useProgress, useProgressHydrated } from '@/lib/store/progress-hooks';
import type { ProgressActions } from '@/lib/store/progress';
import { practiceScores, type AnswerRecord } from '@/lib/store/progress-schema';
import { DifficultyFilter, type Filter } from './difficulty-filter';
import { QuestionCard } from './question-card';
import { ScoreBoard } from './score-board';

/** What the set needs of its lesson: the questions, and the step numbers it links to. */
type PracticeLesson = Pick<Lesson, 'slug' | 'practice'> & {
  readonly stepNumbers: Readonly<Record<string, number>>;
};

const badge: Readonly<Record<Difficulty, string>> = {
  easy: 'bg-ok-soft text-fg',
  medium: 'bg-warn-soft text-fg',
  hard: 'bg-err-soft text-fg',
};

function Solution({ lesson, q }: { lesson: PracticeLesson; q: PracticeQuestion }) {
  const right = q.options.find((o) => o.id === q.answer);
  const step = q.stepId ? lesson.stepNumbers[q.stepId] : undefined;
  return (
    <>
      <ol className="list-decimal space-y-1 pl-5">
        {q.solution.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      <p>
        <span className="font-semibold">Answer:</span> {right?.text}
      </p>
      <div>
        <p className="font-semibold">Common mistakes</p>
        <ul className="list-disc space-y-1 pl-5">
          {q.mistakes.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
      {q.scenario && step ? (
        <p>
          <Link
            href={stepHref(lesson.slug, { scenario: q.scenario, step })}
            className="text-accent font-medium underline"
          >
            Try it: run the {q.scenario} scenario at step {step}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/**
 * One question of the set. Memoized: reading the stored progress on arrival, or answering another
 * question, leaves its props unchanged, so only the cards whose answer changed render again.
 */
const PracticeItem = memo(function PracticeItem({
  lesson,
  q,
  number,
  record,
  answer,
}: {
  lesson: PracticeLesson;
  q: PracticeQuestion;
  number: number;
  record: AnswerRecord | undefined;
  answer: ProgressActions['answer'];
}) {
  const step = q.stepId ? lesson.stepNumbers[q.stepId] : undefined;
  return (
    <QuestionCard
      number={number}
      prompt={q.prompt}
      code={q.code}
      options={q.options}
      answer={q.answer}
      record={record}
      onAnswer={(choice, correct) => answer(lesson.slug, 'practice', q.id, choice, correct)}
      meta={
        <>
          <span className={`rounded px-2 py-0.5 font-semibold capitalize ${badge[q.difficulty]}`}>
            {q.difficulty}
          </span>
          <span className="text-muted">{q.topic}</span>
        </>
      }
      hint={
        <p>
          {q.hint}
          {step ? (
            <>
              {' '}
              <Link
                href={stepHref(lesson.slug, { scenario: q.scenario, step })}
                className="text-accent font-medium underline"
              >
                See step {step}
              </Link>
            </>
          ) : null}
        </p>
      }
      explanation={<Solution lesson={lesson} q={q} />}
    />
  );
});

/**
 * How many questions the page's HTML carries, and the browser hydrates: a tall desktop window's
 * first screen (a phone's shows the score and at most the first one). The rest are rendered once
 * the page is interactive, in a transition, so React yields between cards instead of hydrating
 * twenty of them in one long task, and the HTML of the first lesson's twenty questions fits in
 * the first round trip of a slow connection (14 kB instead of 24 kB gzipped) and paints sooner.
 */
export const FIRST_SCREEN = 4;

/** The practice questions with a difficulty filter, immediate feedback, retry and a score per difficulty. */
export function PracticeSet({ lesson }: { lesson: PracticeLesson }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [complete, setComplete] = useState(false);
  useEffect(() => startTransition(() => setComplete(true)), []);
  const hydrated = useProgressHydrated();
  const progress = useLessonProgress(lesson.slug);
  const answer = useProgress((s) => s.answer);
  const scores = practiceScores(progress, lesson);
  const picked = lesson.practice.filter((q) => filter === 'all' || q.difficulty === filter);
  const shown = complete ? picked : picked.slice(0, FIRST_SCREEN);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <DifficultyFilter value={filter} onChange={setFilter} counts={lesson.practice} />
        <ScoreBoard scores={scores} ready={hydrated} />
      </aside>
      <section aria-label="Questions" className="space-y-4">
        {shown.map((q) => (
          <PracticeItem
            key={q.id}
            lesson={lesson}
            q={q}
            number={lesson.practice.indexOf(q) + 1}
            record={hydrated ? progress.practice[q.id] : undefined}
            answer={answer}
          />
        ))}
      </section>
    </div>
  );
}

/**
 * The practice set of the lesson with this slug, for its server page: the questions come as a
 * script of their own ({@link WithLessonPractice}), not as props in the page's HTML.
 */
export function LessonPracticeSet({
  slug,
  stepNumbers,
}: Pick<PracticeLesson, 'slug' | 'stepNumbers'>) {
  return (
    <WithLessonPractice slug={slug}>
      {(practice) => <PracticeSet lesson={{ slug, practice, stepNumbers }} />}
    </WithLessonPractice>
  );
}
