import Link from 'next/link';
import { ModeNav } from '@/components/modes/mode-nav';
import { lessonFromParams, lessonParams, type LessonParams } from '@/components/modes/mode-page';

export const generateStaticParams = lessonParams;
export const dynamicParams = false;

/** Every page of a lesson: the lesson's name, the mode bar, then the mode itself. */
export default async function LessonLayout({ params, children }: LessonParams & { children: React.ReactNode }) {
  const lesson = await lessonFromParams(params);
  return (
    <div className="mx-auto max-w-7xl px-4 py-4">
      <div className="mb-4 border-b border-line pb-3 print:hidden">
        <p className="mb-2 text-sm text-muted">
          <Link href="/learn" className="underline-offset-2 hover:underline">
            Lessons
          </Link>
          <span aria-hidden="true"> / </span>
          <Link href={`/learn/${lesson.slug}`} className="font-medium text-fg underline-offset-2 hover:underline">
            {lesson.title}
          </Link>
        </p>
        <ModeNav lesson={lesson.slug} />
      </div>
      {children}
    </div>
  );
}
