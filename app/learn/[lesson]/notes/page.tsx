import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';

/** The tab title and description of the notes & summary mode. */
export const generateMetadata = modeMetadata('notes');

/** The notes & summary mode: the rules to keep (secrets, expiry, server-to-server). */
export default async function NotesPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article className="max-w-3xl">
      <ModeHeading mode="notes" lessonTitle={lesson.title} />
      <section aria-labelledby="important" className="mb-8">
        <h2 id="important" className="mb-3 text-xl font-semibold">
          Important notes
        </h2>
        <ul className="space-y-3">
          {lesson.notes.map((note, i) => (
            <li
              key={i}
              className="border-warn bg-warn-soft rounded-lg border-l-4 p-3 leading-relaxed"
            >
              {note}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="summary">
        <h2 id="summary" className="mb-3 text-xl font-semibold">
          Summary
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          {lesson.summaryPoints.map((point, i) => (
            <li key={i}>{point}</li>
          ))}
        </ul>
      </section>
      <NextModeLink lesson={lesson.slug} current="notes" />
    </article>
  );
}
