import { stepHeading } from '@/lib/engine/derived';
import { getScenario } from '@/lib/engine/scenarios';
import { toCurl } from '@/lib/protocol/render';
import { buildTokenRequest } from '@/lib/protocol/requests';
import { useOrigin } from '@/components/modes/use-origin';
import { stepNotesFor } from '@/lib/lessons/speaker-notes';
import type { Lesson, LessonRun } from '@/lib/lessons/types';
import type { NotesRecord } from './presenter-channel';

/**
 * Speaker notes for the current step and scenario: what to say, what to point at. With the record
 * shown, the notes are its outcome's (a refused request, a skipped call), not the happy path's.
 */
export function SpeakerNotes({
  lesson,
  cursor,
  scenarioId,
  record,
  large = false,
}: {
  lesson: LessonRun & Pick<Lesson, 'speakerNotes'>;
  cursor: number;
  scenarioId: string;
  record: NotesRecord | null;
  large?: boolean;
}) {
  const step = cursor > 0 ? lesson.steps[cursor - 1] : undefined;
  const next = lesson.steps[cursor];
  const notes = step ? stepNotesFor(lesson.speakerNotes, step.id, record?.outcome) : undefined;
  const scenario = Object.hasOwn(lesson.speakerNotes.scenarios, scenarioId)
    ? lesson.speakerNotes.scenarios[scenarioId]
    : undefined;
  const origin = useOrigin();
  // The scenario's own request record, at this server's origin: what the stepper sends.
  const terminal = scenario?.terminal
    ? toCurl(buildTokenRequest(getScenario(lesson, scenarioId).settings, origin), ' ')
    : undefined;
  const text = large ? 'text-2xl' : 'text-lg';
  return (
    <div className={`space-y-3 ${text}`} data-testid="speaker-notes">
      <h2 className="font-bold">
        {step
          ? `Notes: step ${step.number}, ${stepHeading(lesson, step, record).title}`
          : 'Notes: before step 1'}
      </h2>
      {notes ? (
        <>
          <ul className="list-disc space-y-1 pl-6">
            {notes.say.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <p>
            <span className="font-semibold">Point at: </span>
            {notes.point.join(' ')}
          </p>
        </>
      ) : (
        <p>{lesson.speakerNotes.opening}</p>
      )}
      {scenario && (
        <div className="border-line bg-raised rounded-md border p-2">
          <p>
            <span className="font-semibold">This scenario: </span>
            {scenario.takeaway}
          </p>
          <p>
            <span className="font-semibold">Watch the feed: </span>
            {scenario.watch}
          </p>
          {terminal && (
            <p className="mt-1 font-mono text-base break-all">
              <span className="font-sans font-semibold">Terminal: </span>
              {terminal}
            </p>
          )}
        </div>
      )}
      {next && (
        <p className="text-muted">
          {record?.failed
            ? `Next: step ${next.number}; this run stays on its No branch.`
            : `Next: step ${next.number}, ${next.title}.`}
        </p>
      )}
    </div>
  );
}
