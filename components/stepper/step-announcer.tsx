'use client';

import { stepHeading } from '@/lib/engine/derived';
import { useStepper } from './stepper-provider';

/** Announces each step change to screen readers ("Step 4 of 7: …"), politely. */
export function StepAnnouncer() {
  const lesson = useStepper((s) => s.lesson);
  const cursor = useStepper((s) => s.player.cursor);
  const record = useStepper((s) => (cursor > 0 ? s.player.trace[cursor - 1] : undefined));
  const step = cursor > 0 ? lesson.steps[cursor - 1] : undefined;
  const text = step
    ? `Step ${step.number} of ${lesson.steps.length}: ${stepHeading(lesson, step, record).title}.${record?.decision ? ` Branch: ${record.decision.branch === 'yes' ? 'Yes' : 'No'}.` : ''}`
    : `Start: nothing sent yet. ${lesson.steps.length} steps.`;
  return (
    <p aria-live="polite" aria-atomic="true" className="sr-only" data-testid="step-announcer">
      {text}
    </p>
  );
}
