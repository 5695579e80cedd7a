import { ModeHeading } from '@/components/modes/mode-heading';
import { ExamplesWorkbench } from '@/components/modes/examples-workbench';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';

/** The tab title and description of the syntax & examples mode. */
export const generateMetadata = modeMetadata('examples');

/** The syntax & examples mode: the request in five languages, from the learner's values. */
export default async function ExamplesPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article>
      <ModeHeading mode="examples" lessonTitle={lesson.title} />
      <section aria-labelledby="syntax" className="mb-6 max-w-3xl">
        <h2 id="syntax" className="mb-2 text-xl font-semibold">
          The shape of the request
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          {lesson.syntax.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="try">
        <h2 id="try" className="mb-2 text-xl font-semibold">
          Your request, {lesson.syntax.examples.length} ways
        </h2>
        <p className="text-muted mb-3 max-w-3xl text-sm">{lesson.syntax.samplesNote}</p>
        <ExamplesWorkbench
          lessonSlug={lesson.slug}
          syntax={{ examples: lesson.syntax.examples, samplesFrom: lesson.syntax.samplesFrom }}
        />
      </section>
      <NextModeLink lesson={lesson.slug} current="examples" />
    </article>
  );
}
