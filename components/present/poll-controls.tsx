'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { PracticeQuestion } from '@/lib/lessons/types';
import { PollResults } from '@/components/live/poll-results';
import type { PresenterRoom } from './use-presenter-room';

/** Opens a lesson question as a poll, shows how many answered, reveals and closes it. */
export function PollControls({
  room,
  questions,
}: {
  room: PresenterRoom;
  questions: readonly PracticeQuestion[];
}) {
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  const selectId = useId();
  const poll = room.state?.poll ?? null;
  const followers = room.state?.followers ?? 0;
  const box = useRef<HTMLDivElement>(null);
  const revealed = poll?.status === 'revealed';
  // Revealed results below the panel's fold scroll into view: the room is looking at them.
  useEffect(() => {
    if (revealed) box.current?.scrollIntoView({ block: 'nearest' });
  }, [revealed]);

  return (
    <section aria-labelledby={`${selectId}-h`} className="space-y-2">
      <h3 id={`${selectId}-h`} className="text-lg font-bold">
        Live poll
      </h3>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="text-muted">
          Question
        </label>
        <select
          id={selectId}
          value={questionId}
          onChange={(e) => setQuestionId(e.target.value)}
          className="border-line bg-surface max-w-full min-w-0 flex-1 rounded border px-1 py-1"
        >
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              [{q.difficulty}] {q.prompt}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => void room.openPoll(questionId)}
          disabled={!questionId}
          className="bg-accent text-bg rounded-md px-3 py-1 font-semibold disabled:opacity-50"
        >
          Open poll
        </button>
      </div>
      {poll && (
        <div
          ref={box}
          className="border-line bg-raised scroll-m-2 rounded-md border p-2"
          data-testid="presenter-poll"
        >
          <p className="font-semibold">{poll.prompt}</p>
          <p aria-live="polite" className="text-muted">
            {/* votes stay counted when their follower leaves, so the two are not a fraction */}
            {poll.votes} {poll.votes === 1 ? 'answer' : 'answers'} · {followers} following
            {poll.status === 'revealed' ? ' · answers revealed' : ''}
          </p>
          {poll.status === 'revealed' && <PollResults poll={poll} large />}
          <div className="mt-2 flex gap-2">
            {poll.status === 'open' && (
              <button
                type="button"
                onClick={() => void room.revealPoll()}
                className="bg-accent text-bg rounded-md px-3 py-1 font-semibold"
              >
                Reveal answers
              </button>
            )}
            <button
              type="button"
              onClick={() => void room.closePoll()}
              className="border-line hover:bg-surface rounded-md border px-3 py-1"
            >
              Close poll
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
