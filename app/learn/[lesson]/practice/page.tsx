import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';
import { LessonPracticeSet } from '@/components/quiz/practice-set';
import { stepNumbers } from '@/lib/lessons';

/** The tab title and description of the practice mode. */
export const generateMetadata = modeMetadata('practice');

/** The practice mode: questions from easy to hard, with hints, worked solutions and a score. */
export default async function PracticePage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  const { slug, practice } = lesson;
  return (
    <div>
      <ModeHeading mode="practice" lessonTitle={lesson.title}>
        {practice.length} questions from easy to hard. Check each answer for immediate feedback, try
        again as often as you like, and open the worked solution and the common mistakes. Your
        answers are kept in this browser.
      </ModeHeading>
      <LessonPracticeSet slug={slug} stepNumbers={stepNumbers(lesson)} />
      <NextModeLink lesson={slug} current="practice" />
    </div>
  );
}
