'use client';

import { useEffect, useRef, useState } from 'react';
import { getScenario, isScenarioOf } from '@/lib/engine/scenarios';
import { requireLesson } from '@/lib/lessons';
import { LiveFlowDiagram } from '@/components/stepper/live-flow-diagram';
import { StepAnnouncer } from '@/components/stepper/step-announcer';
import { StepDetail } from '@/components/stepper/step-detail';
import { StepperControls } from '@/components/stepper/stepper-controls';
import { useStepper, useStepperStore } from '@/components/stepper/stepper-provider';
import { PollVote } from './poll-vote';
import { useFollower } from './use-follower';
import { useRoomStream } from './use-room-stream';

/**
 * A learner following a presenter: this page runs the same engine and mirrors the presenter's
 * scenario and step; the learner can leave follow mode to explore, and re-join.
 */
export function FollowerView({ roomId }: { roomId: string }) {
  const store = useStepperStore();
  const lesson = useStepper((s) => s.lesson);
  const scenarioId = useStepper((s) => s.scenarioId);
  const [following, setFollowing] = useState(true);
  const { membership, problem, recover } = useFollower(roomId);
  const [streamAttempt, setStreamAttempt] = useState(0);
  const refusals = useRef(0);
  const stream = useRoomStream(
    roomId,
    following && membership ? membership.followerId : null,
    streamAttempt,
  );
  const state = following ? stream.state : null;
  const ended = problem === 'ended' || stream.status === 'closed';

  // Mirror the presenter: same scenario, same step (the engine runs the real requests itself).
  useEffect(() => {
    if (!state) return;
    const s = store.getState();
    if (isScenarioOf(s.lesson, state.scenario) && s.scenarioId !== state.scenario)
      s.selectScenario(state.scenario);
    if (store.getState().player.cursor !== state.step) void store.getState().seek(state.step);
  }, [state, store]);

  // A refused stream: find out why and follow again, waiting longer after each refusal in a row
  // (1 s, 2 s, ... 30 s), so a full room or a busy server is not asked in a tight loop.
  useEffect(() => {
    if (stream.status === 'live') refusals.current = 0;
    if (!following || ended || stream.status !== 'gone' || !membership) return;
    let cancelled = false;
    const timer = setTimeout(
      () => {
        void recover(membership.followerId).then((verdict) => {
          refusals.current += 1;
          if (!cancelled && verdict === 'retry') setStreamAttempt((n) => n + 1);
        });
      },
      Math.min(30_000, 1000 * 2 ** refusals.current),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [following, ended, stream.status, membership, recover]);

  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-6">
      <StepAnnouncer />
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          Room <span className="font-mono">{roomId}</span>
        </h1>
        <p className="text-muted" role="status" data-testid="follow-status">
          {ended && (membership || stream.status === 'closed')
            ? 'The presenter ended this session.'
            : ended
              ? 'No open room has this code: the presenter ended the session, or the code is not the one in their join link.'
              : problem === 'full'
                ? 'This room is full.'
                : problem === 'closed'
                  ? 'The presenter has closed joining for this room.'
                  : problem === 'error'
                    ? 'Cannot reach the room right now.'
                    : following
                      ? stream.status === 'live'
                        ? `Following the presenter · ${getScenario(lesson, scenarioId).title}`
                        : stream.status === 'reconnecting'
                          ? 'Reconnecting to the presenter…'
                          : 'Connecting to the presenter…'
                      : 'Exploring on your own'}
        </p>
        {!ended && membership && (
          <button
            type="button"
            onClick={() => setFollowing((f) => !f)}
            className="border-line bg-surface hover:bg-raised ml-auto rounded-md border px-3 py-1.5 font-medium"
          >
            {following ? 'Leave follow mode' : 'Follow the presenter again'}
          </button>
        )}
      </header>

      {/* once the session ended, an open poll can no longer be answered or revealed */}
      {following && state?.poll && membership && (!ended || state.poll.status === 'revealed') && (
        <PollVote
          key={membership.followerId}
          roomId={roomId}
          poll={state.poll}
          membership={membership}
        />
      )}

      {membership && requireLesson(lesson.slug).challenges && (
        <p>
          <a href={`/learn/${lesson.slug}/challenges`} className="underline">
            Do the challenges
          </a>{' '}
          from your own terminal
          {ended
            ? ': the server still checks them off for you.'
            : ': the presenter sees how many of the room have passed each task.'}
        </p>
      )}

      <LiveFlowDiagram className="w-full" />
      {/* on their own: left follow mode, or the session ended or never let them in */}
      {(!following || ended || problem !== null) && <StepperControls />}
      <StepDetail />
    </div>
  );
}
