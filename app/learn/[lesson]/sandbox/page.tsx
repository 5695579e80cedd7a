import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { Sandbox } from '@/components/modes/sandbox';

/** The tab title and description of the sandbox mode. */
export const generateMetadata = modeMetadata('sandbox');

/** The sandbox mode: the learner's own request to /token or /api/data, and the real answer. */
export default async function SandboxPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article>
      <ModeHeading mode="sandbox" lessonTitle={lesson.title}>
        Write your own request to the token endpoint or the protected API: change the method, the
        headers, the body. Nothing is simulated: the answer is the real server&apos;s. Demo clients
        include abc / xyz, myapp123 / secret456 and reporting-bot / reports-secret.
        {lesson.syntax.samplesFrom === 'run' &&
          ' “Token, private_key_jwt” signs a fresh client assertion with this browser’s own registered key: it is single-use and lives 60 s, so sign again for each send.'}
      </ModeHeading>
      <Sandbox lessonSlug={lesson.slug} signs={lesson.syntax.samplesFrom === 'run'} />
    </article>
  );
}
