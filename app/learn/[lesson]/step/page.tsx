import { ModeHeading } from '@/components/modes/mode-heading';
import {
  lessonFromParams,
  lessonParams,
  modeMetadata,
  type LessonParams,
} from '@/components/modes/mode-page';
import { StepView } from '@/components/stepper/step-view';

/** One prerendered step-by-step page per lesson slug. */
export const generateStaticParams = lessonParams;
/** The tab title and description of the step-by-step mode. */
export const generateMetadata = modeMetadata('step');

/** Step-by-step execution: the flow run for real against this app's server, one step at a time. */
export default async function StepPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <>
      <ModeHeading mode="step" lessonTitle={lesson.title} />
      <StepView lessonSlug={lesson.slug} />
    </>
  );
}
