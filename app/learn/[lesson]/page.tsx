import type { Metadata } from 'next';
import Link from 'next/link';
import { ModeChooser } from '@/components/modes/mode-chooser';
import { lessonFromParams, type LessonParams } from '@/components/modes/mode-page';
import { LessonProgress } from '@/components/progress/lesson-progress';
import { progressLesson } from '@/components/progress/progress-lesson';
import { getLesson } from '@/lib/lessons';

/** The tab title and description of a lesson's landing page. */
export async function generateMetadata({ params }: LessonParams): Promise<Metadata> {
  const lesson = getLesson((await params).lesson);
  return lesson
    ? { title: lesson.title, description: lesson.summary }
    : { title: 'Lesson not found' };
}

/** The lesson's landing page: what it teaches, the learner's progress, and the choice of modes. */
export default async function LessonPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  const { slug, title, practice } = lesson;
  return (
    <div>
      <header className="mb-6 grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
          <p className="text-muted mt-2 max-w-2xl">{lesson.summary}</p>
          <p className="text-muted mt-2 text-sm">About {lesson.estimatedMinutes} minutes.</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link
              href={`/learn/${slug}/intro`}
              className="bg-accent text-bg rounded-md px-4 py-2 font-semibold"
            >
              Start with the introduction
            </Link>
            <Link
              href={`/learn/${slug}/practice`}
              className="border-line hover:bg-raised rounded-md border px-4 py-2 font-medium"
            >
              Test yourself: {practice.length} questions
            </Link>
          </div>
        </div>
        <section
          aria-labelledby="lesson-progress"
          className="border-line bg-surface rounded-lg border p-4"
        >
          <h2 id="lesson-progress" className="mb-2 font-semibold">
            Your progress
          </h2>
          <LessonProgress lesson={progressLesson(lesson)} />
        </section>
      </header>
      <section aria-labelledby="choose">
        <h2 id="choose" className="mb-3 text-xl font-semibold">
          Choose how to learn
        </h2>
        <ModeChooser lesson={slug} />
      </section>
    </div>
  );
}
