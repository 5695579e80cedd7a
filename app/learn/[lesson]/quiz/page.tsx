import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';
import { VisualQuiz } from '@/components/quiz/visual-quiz';

/** The tab title and description of the visual quiz mode. */
export const generateMetadata = modeMetadata('quiz');

/** The visual quiz mode: questions answered from the learner's own live run. */
export default async function QuizPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <div>
      <ModeHeading mode="quiz" lessonTitle={lesson.title}>
        This page runs the flow against the authorization server in this app, then asks about what
        your run produced: the real token, the real step numbers, the real error of a wrong secret.
        Each hint opens the step that answers it.
      </ModeHeading>
      <VisualQuiz lessonSlug={lesson.slug} items={lesson.visualQuiz ?? []} />
      <NextModeLink lesson={lesson.slug} current="quiz" />
    </div>
  );
}
