'use client';

import { useEffect, useState } from 'react';
import { usePageVisible } from '@/components/ui/use-page-visible';
import { challengePaths, type RoomProgressMessage } from '@/lib/challenges/protocol';

/**
 * The instructor's view of a room's challenges: per task, how many of the room's learners
 * passed it (anonymous handles only), live over the room's challenge stream (authorized by the
 * presenter's sign-in cookie), and a way to start the class over.
 */
export function RoomChallengesPanel({ roomId }: { roomId: string }) {
  const [progress, setProgress] = useState<RoomProgressMessage | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const visible = usePageVisible(); // a hidden tab closes the stream; shown, it opens again
  useEffect(() => {
    if (!visible) return;
    const source = new EventSource(challengePaths.roomEvents(roomId));
    source.addEventListener('room', (e) => {
      try {
        setProgress(JSON.parse((e as MessageEvent<string>).data) as RoomProgressMessage);
      } catch {
        // a malformed event is skipped
      }
    });
    return () => source.close();
  }, [roomId, visible]);

  async function startOver() {
    setConfirming(false);
    const res = await fetch(challengePaths.room(roomId), { method: 'DELETE' }).catch(() => null);
    setError(res?.ok ? null : 'Could not start the class over; try again.');
  }

  return (
    <section aria-labelledby="room-challenges" className="border-line mt-4 border-t pt-3">
      <h3 id="room-challenges" className="text-lg font-bold">
        Challenges
      </h3>
      {!progress ? (
        <p className="text-muted">Loading the room&apos;s challenge progress…</p>
      ) : (
        <>
          <p className="text-muted" data-testid="challenge-learners">
            {progress.learners} {progress.learners === 1 ? 'learner' : 'learners'} doing the
            challenges
          </p>
          <ul className="mt-2 space-y-1" aria-label="Learners who passed each task">
            {progress.tasks.map((t) => (
              <li key={t.taskId} data-task={t.taskId} className="flex flex-wrap gap-x-2">
                <span className="font-semibold tabular-nums" aria-label={`${t.passed} passed`}>
                  {t.passed}/{progress.learners}
                </span>
                <span>{t.title}</span>
                {t.handles.length > 0 && (
                  <span className="text-muted text-sm">({t.handles.join(', ')})</span>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            {confirming ? (
              <>
                <span>Forget every learner&apos;s challenge progress in this room?</span>
                <button
                  type="button"
                  onClick={() => void startOver()}
                  className="bg-err text-bg rounded-md px-3 py-1 font-semibold"
                >
                  Yes, start over
                </button>
                <button
                  type="button"
                  onClick={() => setConfirming(false)}
                  className="border-line rounded-md border px-3 py-1"
                >
                  Cancel
                </button>
              </>
            ) : (
              <button
                type="button"
                onClick={() => setConfirming(true)}
                className="border-line rounded-md border px-3 py-1"
              >
                Start the class over
              </button>
            )}
          </div>
          {error && (
            <p role="alert" className="text-err">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
