import { IntentLink } from '@/components/ui/intent-link';
import { ModeNav } from '@/components/modes/mode-nav';
import { lessonFromParams, lessonParams, type LessonParams } from '@/components/modes/mode-page';

/** One prerendered set of lesson pages per lesson slug. */
export const generateStaticParams = lessonParams;
/** Any slug that is not a lesson is a 404 (no on-demand rendering). */
export const dynamicParams = false;

/** Every page of a lesson: the lesson's name, the mode bar, then the mode itself. */
export default async function LessonLayout({
  params,
  children,
}: LessonParams & { children: React.ReactNode }) {
  const lesson = await lessonFromParams(params);
  return (
    <div className="mx-auto max-w-7xl px-4 py-4">
      <div className="border-line mb-4 border-b pb-3 print:hidden">
        <p className="text-muted mb-2 text-sm">
          <IntentLink href="/learn" className="underline-offset-2 hover:underline">
            Lessons
          </IntentLink>
          <span aria-hidden="true"> / </span>
          <IntentLink
            href={`/learn/${lesson.slug}`}
            className="text-fg font-medium underline-offset-2 hover:underline"
          >
            {lesson.title}
          </IntentLink>
        </p>
        <ModeNav lesson={lesson.slug} />
      </div>
      {children}
    </div>
  );
}
