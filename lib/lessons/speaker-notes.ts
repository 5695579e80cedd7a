import type { SpeakerNotes, StepNotes } from './types';

/** The notes for a step as the run shown recorded it: its outcome's own, else the step's. */
export function stepNotesFor(
  notes: SpeakerNotes,
  stepId: string,
  outcome: string | undefined,
): StepNotes | undefined {
  const byOutcome: Readonly<Record<string, StepNotes | undefined>> | undefined =
    notes.outcomes[stepId];
  return (outcome === undefined ? undefined : byOutcome?.[outcome]) ?? notes.steps[stepId];
}
