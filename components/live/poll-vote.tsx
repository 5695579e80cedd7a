'use client';

import { useEffect, useId, useState } from 'react';
import type { PollView } from '@/lib/live/polls';
import { livePaths } from '@/lib/live/protocol';
import { PollResults } from './poll-results';
import { keepVote, keptVotes, watchSeat, type Membership } from './seat-storage';

const letters = 'ABCDEFGHIJ';

/** A follower's side of a poll: pick an answer (changeable until the reveal), then see results. */
export function PollVote({
  roomId,
  poll,
  membership,
}: {
  roomId: string;
  poll: PollView;
  membership: Membership;
}) {
  const { followerId } = membership;
  // the answers this seat sent, from any of its pages (seat-storage.ts)
  const [votes, setVotes] = useState<Record<string, string>>(() =>
    typeof window === 'undefined' ? {} : keptVotes(roomId, followerId),
  );
  useEffect(
    () => watchSeat(roomId, () => setVotes(keptVotes(roomId, followerId))),
    [roomId, followerId],
  );
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const mine = votes[poll.id];

  async function vote(optionId: string) {
    setError(null);
    const previous = votes[poll.id];
    setVotes((v) => ({ ...v, [poll.id]: optionId })); // shown at once; undone if the server refuses
    const res = await fetch(livePaths.roomVote(roomId), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...membership, pollId: poll.id, optionId }),
    }).catch(() => null);
    if (res?.ok) {
      keepVote(roomId, followerId, poll.id, optionId);
      return;
    }
    setVotes((v) => {
      const next = { ...v };
      if (previous) next[poll.id] = previous;
      else delete next[poll.id];
      return next;
    });
    const refusal = res ? ((await res.json().catch(() => ({}))) as { error?: string }).error : null;
    setError(
      refusal === 'not_following'
        ? 'Follow the presenter to answer.'
        : res?.status === 409
          ? 'Voting is closed for this question.'
          : 'Your answer could not be sent. Try again.',
    );
  }

  return (
    <section
      className="border-accent bg-surface rounded-lg border-2 p-4"
      aria-labelledby={`${name}-q`}
      data-testid="follower-poll"
    >
      <h2 id={`${name}-q`} className="text-lg font-bold">
        Poll: {poll.prompt}
      </h2>
      {poll.code && (
        <pre className="bg-raised mt-2 overflow-x-auto rounded p-2 font-mono text-sm">
          {poll.code}
        </pre>
      )}
      {poll.status === 'open' ? (
        <fieldset className="mt-2 space-y-1">
          <legend className="sr-only">{poll.prompt}</legend>
          {poll.options.map((o, i) => (
            <label
              key={o.id}
              className="hover:bg-raised flex cursor-pointer items-start gap-2 rounded p-1"
            >
              <input
                type="radio"
                name={name}
                value={o.id}
                checked={mine === o.id}
                onChange={() => void vote(o.id)}
                className="accent-accent mt-1 size-4"
              />
              <span>
                <span className="font-mono">{letters[i]}.</span> {o.text}
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="mt-2">
          <PollResults poll={poll} mine={mine} />
        </div>
      )}
      <p className="text-muted mt-2 text-sm" aria-live="polite">
        {poll.status === 'open'
          ? mine
            ? `Your answer is in: ${letters[poll.options.findIndex((o) => o.id === mine)]}. You can change it until the presenter reveals the results.`
            : 'Pick an answer.'
          : 'The presenter revealed the answers.'}
      </p>
      {error && (
        <p role="alert" className="text-err">
          {error}
        </p>
      )}
    </section>
  );
}
