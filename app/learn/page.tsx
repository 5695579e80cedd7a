import type { Metadata } from 'next';
import Link from 'next/link';
import { LessonProgress } from '@/components/progress/lesson-progress';
import { progressLesson } from '@/components/progress/progress-lesson';
import { lessons } from '@/lib/lessons';

/** The tab title and description of the lesson list. */
export const metadata: Metadata = {
  title: 'Lessons',
  description: 'The OAuth 2.0 flows FlowLab teaches, each run against a real server.',
};

/** The lesson list (/learn): every lesson FlowLab teaches, with the learner's progress. */
export default function LessonsPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Lessons</h1>
      <p className="text-muted mt-2">
        Each lesson runs against the real authorization server and API inside this app.
      </p>
      <ul className="mt-6 space-y-4">
        {lessons.map((lesson) => (
          <li key={lesson.slug} className="border-line bg-surface rounded-lg border p-5">
            <h2 className="text-xl font-semibold">
              <Link
                href={`/learn/${lesson.slug}`}
                className="text-accent underline-offset-2 hover:underline"
              >
                {lesson.title}
              </Link>
            </h2>
            <p className="text-muted mt-1">{lesson.summary}</p>
            <p className="text-muted mt-1 text-sm">
              About {lesson.estimatedMinutes} minutes · {lesson.steps.length} steps ·{' '}
              {lesson.practice.length} practice questions
            </p>
            <div className="border-line mt-3 border-t pt-3">
              <LessonProgress lesson={progressLesson(lesson)} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
