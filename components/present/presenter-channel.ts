import type { StepRecord } from '@/lib/engine/step-record';

/**
 * The BroadcastChannel between the presenter view and its speaker-notes window (same browser,
 * same origin): the presenter posts its position, the notes window asks for it when it opens.
 */

/**
 * What the speaker notes need of the record the presenter shows (null before step 1, or while the
 * step runs): the outcome it recorded, the flow node it lit, and whether the run has failed so far.
 */
export interface NotesRecord {
  readonly outcome: string;
  readonly activeNode: string;
  readonly failed: boolean;
}

/** The notes' view of a step record. */
export function notesRecord(record: StepRecord | undefined): NotesRecord | null {
  return record
    ? { outcome: record.outcome, activeNode: record.activeNode, failed: record.error !== undefined }
    : null;
}

/** A message on the presenter channel: the presenter's position, or the notes window's hello. */
export type PresenterBroadcast =
  | {
      readonly type: 'state';
      readonly scenarioId: string;
      readonly cursor: number;
      readonly record: NotesRecord | null;
    }
  | { readonly type: 'hello' };

/** The BroadcastChannel name for a lesson's presenter and notes windows. */
export function presenterChannelName(lessonSlug: string): string {
  return `flowlab-present-${lessonSlug}`;
}

/** Whether a received message is a well-formed {@link PresenterBroadcast}. */
export function isPresenterBroadcast(value: unknown): value is PresenterBroadcast {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.type === 'hello') return true;
  return (
    v.type === 'state' &&
    typeof v.scenarioId === 'string' &&
    typeof v.cursor === 'number' &&
    (v.record === null || isNotesRecord(v.record))
  );
}

function isNotesRecord(value: unknown): value is NotesRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.outcome === 'string' &&
    typeof v.activeNode === 'string' &&
    typeof v.failed === 'boolean'
  );
}
