'use client';

import { useId } from 'react';
import { useEarlyEdits } from '@/components/ui/use-early-edits';
import { actualOutcome, outcomeLabel, predictionOptions } from '@/lib/engine/predictions';
import { useStepper } from './stepper-provider';

/**
 * Before a step that talks to a server: "what will it answer?" (optional). On that step, once
 * the real answer is in: the learner's guess against the server's reply.
 */
export function PredictionPanel() {
  const lesson = useStepper((s) => s.lesson);
  const cursor = useStepper((s) => s.player.cursor);
  const trace = useStepper((s) => s.player.trace);
  const predictions = useStepper((s) => s.predictions);
  const predict = useStepper((s) => s.predict);
  const id = useId();
  const fields = useEarlyEdits<HTMLFieldSetElement>();

  const current = cursor > 0 ? trace[cursor - 1] : undefined;
  const upcoming = lesson.steps[cursor];
  const guess = current ? predictions[current.stepId] : undefined;
  if (current && guess) {
    const actual = actualOutcome(lesson, current);
    if (actual) {
      const right = actual === guess;
      return (
        <p
          role="status"
          className={`rounded-md border p-2 text-sm ${right ? 'border-ok bg-ok-soft' : 'border-err bg-err-soft'}`}
        >
          <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
          {right ? 'Correct prediction' : 'Not this time'}: you said{' '}
          <strong>{outcomeLabel(lesson, current.stepId, guess)}</strong>; the server answered{' '}
          <strong>{outcomeLabel(lesson, current.stepId, actual)}</strong>.
        </p>
      );
    }
  }
  const options = upcoming ? predictionOptions(lesson, upcoming.id) : undefined;
  if (!upcoming || !options || trace.length > cursor) return null;
  const chosen = predictions[upcoming.id];
  return (
    <fieldset ref={fields} className="border-line rounded-md border p-2">
      <legend className="px-1 text-sm font-semibold">
        Predict (optional): what will step {upcoming.number} get back?
      </legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.id} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="radio"
              name={`${id}-prediction`}
              value={o.id}
              checked={chosen === o.id}
              onChange={() => predict(upcoming.id, o.id)}
              className="accent-accent size-4"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
