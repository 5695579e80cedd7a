import type { Metadata } from 'next';
import { lessonFromParams, lessonParams, type LessonParams } from '@/components/modes/mode-page';
import { StepView } from '@/components/stepper/step-view';
import { getLesson } from '@/lib/lessons';
import { stepHref } from '@/lib/engine/deep-link';

/** One prerendered embed per lesson slug. */
export const generateStaticParams = lessonParams;
/** Any slug that is not a lesson is a 404 (no on-demand rendering). */
export const dynamicParams = false;

/** The tab title of the embed, and no indexing: the full lesson is the page to find. */
export async function generateMetadata({ params }: LessonParams): Promise<Metadata> {
  const lesson = getLesson((await params).lesson);
  return {
    title: lesson ? `Step-by-step — ${lesson.title} (embedded)` : 'Lesson not found',
    robots: { index: false },
  };
}

/**
 * The step-by-step stepper alone, for an `<iframe>` in slides or a course page
 * (`/embed/<lesson>/step?scenario=valid&step=3`): the step page's own view, without the site
 * header, the mode bar or the progress widget. Other sites may frame it (see proxy.ts).
 */
export default async function EmbedStepPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <div className="px-3 py-3">
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-bold tracking-tight">{lesson.title}: step by step</h1>
        <a
          href={stepHref(lesson.slug, {})}
          target="_blank"
          rel="noopener"
          className="text-accent text-sm underline-offset-2 hover:underline"
        >
          Open the full lesson in FlowLab
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      </header>
      <StepView lessonSlug={lesson.slug} />
    </div>
  );
}
