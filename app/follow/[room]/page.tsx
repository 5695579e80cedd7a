import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FollowerView } from '@/components/live/follower-view';
import { StepperProvider } from '@/components/stepper/stepper-provider';
import { getLesson } from '@/lib/lessons';
import { ROOM_CODE_ALPHABET } from '@/lib/live/ids';
import { liveHub } from '@/lib/server/live-hub';

type Props = { params: Promise<{ room: string }> };

/** The tab title of the follow page. */
export const metadata: Metadata = { title: 'Follow the presenter' };
/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

const roomPattern = new RegExp(`^[${ROOM_CODE_ALPHABET}]{6}$`);

/** The page a learner opens from the presenter's join link or QR code. */
export default async function FollowPage({ params }: Props) {
  const { room } = await params;
  if (!roomPattern.test(room)) {
    // a mistyped code: say so here, in the site's own page, rather than as a bare 404
    return (
      <div className="mx-auto max-w-3xl space-y-3 px-4 py-6">
        <h1 className="text-2xl font-bold">No room has this code</h1>
        <p>
          “<span className="font-mono">{room.slice(0, 40)}</span>” is not a room code. A code is the
          six letters and digits in the presenter’s join link, as in{' '}
          <span className="font-mono">/follow/k7m2qx</span>.
        </p>
        <p>
          <Link href="/" className="text-accent font-medium underline">
            Back to FlowLab
          </Link>
        </p>
      </div>
    );
  }
  // The room names its lesson; an ended room still renders, and the view says it ended.
  const state = await liveHub().rooms.state(room);
  const lesson = getLesson(state.ok ? state.value.lesson : 'client-credentials');
  if (!lesson) notFound();
  return (
    <StepperProvider lessonSlug={lesson.slug}>
      <FollowerView roomId={room} />
    </StepperProvider>
  );
}
