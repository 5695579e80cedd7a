import { lessons } from '@/lib/lessons';
import { LessonProgress } from './lesson-progress';
import { progressLesson } from './progress-lesson';
import { ResetProgress } from './reset-progress';

/** The learner's progress across every lesson, for the home page (each lesson's filled in after mount). */
export function ProgressSummary() {
  return (
    <section
      aria-labelledby="progress-summary-title"
      className="border-line bg-surface rounded-lg border p-4"
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="progress-summary-title" className="text-lg font-semibold">
          Your progress
        </h2>
        <ResetProgress />
      </div>
      <div className="space-y-4">
        {lessons.map((lesson) => (
          <LessonProgress key={lesson.slug} lesson={progressLesson(lesson)} showTitle />
        ))}
      </div>
    </section>
  );
}
