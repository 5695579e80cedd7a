import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';

/** The tab title and description of the concept snapshot mode. */
export const generateMetadata = modeMetadata('snapshot');

const actorStyle = {
  client: 'border-client bg-client-soft',
  'auth-server': 'border-authz bg-authz-soft',
  api: 'border-api bg-api-soft',
} as const;

/** The concept snapshot mode: the whole flow on one screen. */
export default async function SnapshotPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article>
      <ModeHeading mode="snapshot" lessonTitle={lesson.title} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
        <section aria-labelledby="cheat" className="border-line bg-surface rounded-lg border p-4">
          <h2 id="cheat" className="mb-3 text-lg font-semibold">
            {lesson.title} in six lines
          </h2>
          <ul className="list-disc space-y-2 pl-5">
            {lesson.snapshot.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="steps" className="border-line bg-surface rounded-lg border p-4">
          <h2 id="steps" className="mb-3 text-lg font-semibold">
            The {lesson.steps.length} steps
          </h2>
          <ol className="space-y-1.5">
            {lesson.steps.map((s) => (
              <li key={s.id} className={`rounded-md border-l-4 px-3 py-1.5 ${actorStyle[s.actor]}`}>
                <span className="font-semibold">{s.number}.</span> {s.title}
              </li>
            ))}
          </ol>
          <p className="text-muted mt-3 text-sm">
            Colours: <span className="text-client font-medium">client</span>,{' '}
            <span className="text-authz font-medium">authorization server</span>,{' '}
            <span className="text-api font-medium">protected API</span>.
          </p>
        </section>
      </div>
      <NextModeLink lesson={lesson.slug} current="snapshot" />
    </article>
  );
}
