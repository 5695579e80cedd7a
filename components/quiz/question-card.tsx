'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { AnswerRecord } from '@/lib/store/progress-schema';
import { OptionList, type CardOption } from './option-list';

/** Props of a question card: the prompt, its options, the answer and the feedback. */
export interface QuestionCardProps {
  readonly number: number;
  readonly prompt: string;
  /** An HTTP message or program the prompt refers to, shown verbatim. */
  readonly code?: string;
  readonly options: readonly CardOption[];
  /** The id of the one correct option. */
  readonly answer: string;
  /** The learner's stored answer, if any (shown as already checked). */
  readonly record?: AnswerRecord;
  readonly onAnswer: (choice: string, correct: boolean) => void;
  /** Badges above the prompt (difficulty, topic). */
  readonly meta?: React.ReactNode;
  readonly hint: React.ReactNode;
  /** Shown once the question is answered: why, step by step, and the usual mistakes. */
  readonly explanation: React.ReactNode;
}

type Local = { readonly selected: string | null; readonly checked: boolean };

/**
 * One multiple-choice question: pick an option, check it, get immediate feedback, retry.
 * A radio group in a fieldset, so it works by keyboard and reads well in a screen reader.
 */
export function QuestionCard(props: QuestionCardProps) {
  const { number, prompt, code, options, answer, record, onAnswer, meta, hint, explanation } =
    props;
  const id = useId();
  const [local, setLocal] = useState<Local | null>(null);
  const stored = record && options.some((o) => o.id === record.choice) ? record : undefined;
  const state: Local =
    local ??
    (stored ? { selected: stored.choice, checked: true } : { selected: null, checked: false });
  const correct = state.checked && state.selected === answer;
  const attempts = stored?.attempts ?? 0;

  // Try again swaps itself for the (disabled) Check answer button: the focus goes to the options
  // instead of falling back to the top of the page.
  const form = useRef<HTMLFormElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || state.checked) return;
    refocus.current = false;
    form.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  });

  function check() {
    if (state.selected === null) return;
    setLocal({ selected: state.selected, checked: true });
    onAnswer(state.selected, state.selected === answer);
  }

  return (
    <article
      aria-labelledby={`${id}-q`}
      className="border-line bg-surface render-near-view rounded-lg border p-4 sm:p-5"
    >
      {meta ? <div className="mb-2 flex flex-wrap items-center gap-2 text-xs">{meta}</div> : null}
      <h3 id={`${id}-q`} className="text-lg font-semibold">
        <span className="text-muted">{number}. </span>
        {prompt}
      </h3>
      {code ? (
        <pre
          tabIndex={0}
          aria-label={`The message of question ${number}`}
          className="border-line bg-raised mt-3 overflow-x-auto rounded-md border p-3 text-sm"
        >
          <code>{code}</code>
        </pre>
      ) : null}
      <form
        ref={form}
        className="mt-3"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <OptionList
          name={`${id}-options`}
          legend={`Answer to question ${number}`}
          options={options}
          selected={state.selected}
          checked={state.checked}
          answer={answer}
          onSelect={(choice) => setLocal({ selected: choice, checked: false })}
        />
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {state.checked ? (
            <button
              type="button"
              onClick={() => {
                refocus.current = true;
                setLocal({ selected: null, checked: false });
              }}
              className="border-line hover:bg-raised rounded-md border px-3 py-1.5 text-sm font-medium"
            >
              Try again
            </button>
          ) : (
            <button
              type="submit"
              disabled={state.selected === null}
              className="bg-accent text-bg rounded-md px-3 py-1.5 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60"
            >
              Check answer
            </button>
          )}
          {attempts > 0 ? (
            <span className="text-muted text-xs">
              {attempts} {attempts === 1 ? 'attempt' : 'attempts'}
            </span>
          ) : null}
        </div>
      </form>
      <div aria-live="polite" className="mt-3">
        {state.checked ? (
          <p
            className={`rounded-md px-3 py-2 font-medium ${correct ? 'bg-ok-soft text-fg' : 'bg-err-soft text-fg'}`}
          >
            <span aria-hidden="true" className={correct ? 'text-ok' : 'text-err'}>
              {correct ? '✓ ' : '✗ '}
            </span>
            {correct
              ? 'Correct.'
              : 'Not quite. Read the hint, then try again, or open the worked solution.'}
          </p>
        ) : null}
      </div>
      <details className="mt-3 text-sm">
        <summary className="text-accent cursor-pointer py-1 font-medium">Hint</summary>
        <div className="mt-2">{hint}</div>
      </details>
      {state.checked ? (
        <details className="mt-2 text-sm" open={correct}>
          <summary className="text-accent cursor-pointer py-1 font-medium">
            {correct ? 'Why' : 'Worked solution'}
          </summary>
          <div className="mt-2 space-y-3">{explanation}</div>
        </details>
      ) : null}
    </article>
  );
}
