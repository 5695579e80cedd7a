import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';
import { PrintButton } from '@/components/modes/print-button';

/** The tab title and description of the full transcript mode. */
export const generateMetadata = modeMetadata('transcript');

/** Printing keeps only the lesson: the site header, the mode bar and buttons are left out. */
const printCss = `@media print { body > header, nav, .print\\:hidden { display: none !important; } main article { max-width: none; } a { color: inherit; text-decoration: none; } }`;

/** The full transcript mode: the lesson as readable prose, for screen readers and print. */
export default async function TranscriptPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article className="max-w-3xl leading-relaxed">
      <style>{printCss}</style>
      <ModeHeading mode="transcript" lessonTitle={lesson.title}>
        {lesson.summary}
      </ModeHeading>
      <PrintButton />
      <section aria-labelledby="overview" className="mb-8 space-y-4">
        <h2 id="overview" className="text-xl font-semibold">
          The flow in words
        </h2>
        {lesson.transcript.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
      <section aria-labelledby="steps" className="mb-8">
        <h2 id="steps" className="mb-3 text-xl font-semibold">
          Step by step
        </h2>
        <ol className="space-y-4">
          {lesson.steps.map((s) => (
            <li key={s.id}>
              <h3 className="font-semibold">
                Step {s.number}. {s.title}
              </h3>
              <p>{s.narration}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="moments" className="mb-8">
        <h2 id="moments" className="mb-3 text-xl font-semibold">
          Key moments
        </h2>
        {lesson.keyMoments.map((k) => (
          <div key={k.id} className="mb-4">
            <h3 className="font-semibold">{k.question}</h3>
            <p>{k.answer}</p>
          </div>
        ))}
      </section>
      <section aria-labelledby="notes" className="mb-8">
        <h2 id="notes" className="mb-3 text-xl font-semibold">
          Remember
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          {[...lesson.notes, ...lesson.summaryPoints].map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </section>
      <NextModeLink lesson={lesson.slug} current="transcript" />
    </article>
  );
}
