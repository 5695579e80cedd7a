import { notFound } from 'next/navigation';
import { ChallengesWorkbench } from '@/components/challenges/challenges-workbench';
import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';

/** The tab title and description of the Challenges mode. */
export const generateMetadata = modeMetadata('challenges');

/** The Challenges mode: hands-on tasks done from the learner's terminal, graded by the server. */
export default async function ChallengesPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  if (!lesson.challenges) notFound();
  return (
    <article>
      <ModeHeading mode="challenges" lessonTitle={lesson.title}>
        Do the flow yourself, from your own terminal or code, with a client of your own.
        FlowLab&apos;s server grades what it actually receives: each task is checked off here within
        a second of the request that passes it.
      </ModeHeading>
      <ChallengesWorkbench lesson={lesson.slug} spec={lesson.challenges} />
    </article>
  );
}
