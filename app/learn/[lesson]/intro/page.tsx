import Link from 'next/link';
import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';

/** The tab title and description of the introduction mode. */
export const generateMetadata = modeMetadata('intro');

/** The introduction mode: what the flow is for, when to use it, and why no user is involved. */
export default async function IntroPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  const { intro } = lesson;
  return (
    <article className="max-w-3xl">
      <ModeHeading mode="intro" lessonTitle={lesson.title} />
      <section aria-labelledby="purpose" className="mb-8">
        <h2 id="purpose" className="mb-2 text-xl font-semibold">
          What it is for
        </h2>
        <p className="leading-relaxed">{intro.purpose}</p>
      </section>
      <section aria-labelledby="when" className="mb-8">
        <h2 id="when" className="mb-2 text-xl font-semibold">
          When to use it
        </h2>
        <ol className="space-y-2">
          {intro.whenToUse.map((situation, i) => (
            <li key={i} className="border-line bg-surface flex gap-3 rounded-lg border p-3">
              <span
                aria-hidden="true"
                className="bg-client-soft text-client grid size-7 shrink-0 place-items-center rounded-full font-semibold"
              >
                {i + 1}
              </span>
              <span>{situation}</span>
            </li>
          ))}
        </ol>
      </section>
      <section
        aria-labelledby="no-user"
        className="border-authz bg-authz-soft mb-8 rounded-lg border-l-4 p-4"
      >
        <h2 id="no-user" className="mb-2 text-xl font-semibold">
          Why no user is involved
        </h2>
        <p className="leading-relaxed">{intro.whyNoUser}</p>
      </section>
      <p className="mb-6">
        Ready to see it happen?{' '}
        <Link href={`/learn/${lesson.slug}/step`} className="text-accent font-medium underline">
          Run the flow step by step
        </Link>{' '}
        against the real authorization server in this app.
      </p>
      <NextModeLink lesson={lesson.slug} current="intro" />
    </article>
  );
}
