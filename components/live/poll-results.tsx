import type { PollView } from '@/lib/live/polls';

const letters = 'ABCDEFGHIJ';

/**
 * A revealed poll: a bar per option with its count and share, the correct option marked with a
 * tick and the word "correct" (not colour alone), and the viewer's own answer when known.
 */
export function PollResults({
  poll,
  mine,
  large = false,
}: {
  poll: PollView;
  mine?: string | undefined;
  large?: boolean;
}) {
  const tally = poll.tally ?? poll.options.map(() => 0);
  const total = tally.reduce((a, b) => a + b, 0);
  return (
    <ol className={`space-y-2 ${large ? 'text-xl' : 'text-base'}`} aria-label="Answers">
      {poll.options.map((option, i) => {
        const count = tally[i] ?? 0;
        const share = total > 0 ? Math.round((count / total) * 100) : 0;
        const correct = poll.correct === option.id;
        return (
          <li key={option.id} data-testid={`result-${option.id}`}>
            <div className="flex items-baseline justify-between gap-2">
              <span className={correct ? 'text-ok font-bold' : ''}>
                <span className="font-mono">{letters[i]}.</span> {option.text}
                {correct && (
                  <span className="bg-ok-soft text-ok ml-2 rounded px-1">
                    <span aria-hidden="true">✓ </span>correct
                  </span>
                )}
                {mine === option.id && <span className="text-muted ml-2">(your answer)</span>}
              </span>
              <span className="shrink-0 font-mono">
                {count} {count === 1 ? 'vote' : 'votes'} · {share}%
              </span>
            </div>
            <div className="bg-raised mt-0.5 h-3 rounded" aria-hidden="true">
              <div
                className={`h-3 rounded ${correct ? 'bg-ok' : 'bg-muted'}`}
                style={{ width: `${share}%` }}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
