import type { Metadata } from 'next';
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
  if (!roomPattern.test(room)) notFound();
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
