import { AuthMethodCompare } from '@/components/compare/auth-method-compare';
import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';
import { authMethodComparison } from '@/lib/lessons/auth-methods';

/** The tab title and description of the side-by-side mode. */
export const generateMetadata = modeMetadata('side-by-side');

/** Side by side: the three client authentication methods of the same token request, sent live. */
export default async function SideBySidePage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article>
      <ModeHeading mode="side-by-side" lessonTitle={lesson.title}>
        {authMethodComparison.intro}
      </ModeHeading>
      <AuthMethodCompare comparison={authMethodComparison} />
      <NextModeLink lesson={lesson.slug} current="side-by-side" />
    </article>
  );
}
