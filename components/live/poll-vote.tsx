'use client';

import { useId, useState } from 'react';
import type { PollView } from '@/lib/live/polls';
import { livePaths } from '@/lib/live/protocol';
import { PollResults } from './poll-results';
import type { Membership } from './use-follower';

const letters = 'ABCDEFGHIJ';

/** The answers this seat sent, kept for the tab (a reload keeps the seat, and so its vote). */
const votesKey = (roomId: string, m: Membership) => `flowlab-votes:${roomId}:${m.followerId}`;
/** Polls remembered per seat: a session has a handful. */
const MAX_REMEMBERED = 20;

function loadVotes(key: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function saveVotes(key: string, votes: Record<string, string>): void {
  try {
    const kept = Object.entries(votes).slice(-MAX_REMEMBERED);
    sessionStorage.setItem(key, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // storage off: the answer is shown until the page goes
  }
}

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
  const key = votesKey(roomId, membership);
  const [votes, setVotes] = useState<Record<string, string>>(() =>
    typeof window === 'undefined' ? {} : loadVotes(key),
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
      saveVotes(key, { ...loadVotes(key), [poll.id]: optionId });
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
