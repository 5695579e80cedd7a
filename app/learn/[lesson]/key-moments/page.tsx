import Link from 'next/link';
import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';
import { stepHref } from '@/lib/engine/deep-link';

/** The tab title and description of the key moments mode. */
export const generateMetadata = modeMetadata('key-moments');

/** The key moments mode: each insight, linked to the step that shows it. */
export default async function KeyMomentsPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article className="max-w-3xl">
      <ModeHeading mode="key-moments" lessonTitle={lesson.title}>
        The questions learners ask most, answered, each with a link to the steps that show it.
      </ModeHeading>
      <ol className="space-y-6">
        {lesson.keyMoments.map((moment, i) => (
          <li key={moment.id} className="border-line bg-surface rounded-lg border p-4">
            <h2 className="mb-2 text-lg font-semibold">
              <span className="text-muted">Insight {i + 1}. </span>
              {moment.question}
            </h2>
            <p className="leading-relaxed">{moment.answer}</p>
            <p className="mt-3 flex flex-wrap items-baseline gap-2 text-sm">
              <span className="text-muted">See it:</span>
              {moment.stepIds.map((id) => {
                const step = lesson.steps.find((s) => s.id === id);
                if (!step) return null;
                return (
                  <Link
                    key={id}
                    href={stepHref(lesson.slug, {
                      scenario: moment.scenario,
                      step: step.number,
                    })}
                    className="border-line text-accent hover:bg-raised rounded-md border px-2 py-0.5 font-medium"
                  >
                    Step {step.number}: {step.title}
                  </Link>
                );
              })}
            </p>
          </li>
        ))}
      </ol>
      <NextModeLink lesson={lesson.slug} current="key-moments" />
    </article>
  );
}
