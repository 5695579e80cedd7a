'use client';

import type { Score } from '@/lib/store/progress-schema';

const rows = ['easy', 'medium', 'hard', 'all'] as const;

/** The learner's score per difficulty (correct / answered / total), from stored progress. */
export function ScoreBoard({
  scores,
  ready,
}: {
  scores: Record<(typeof rows)[number], Score>;
  ready: boolean;
}) {
  return (
    <section aria-labelledby="score-title" className="border-line bg-surface rounded-lg border p-3">
      <h2 id="score-title" className="mb-2 text-sm font-semibold">
        Your score
      </h2>
      {ready ? (
        <table className="w-full text-sm">
          <caption className="sr-only">Correct answers per difficulty</caption>
          <thead>
            <tr className="text-muted text-left">
              <th scope="col" className="font-medium">
                Level
              </th>
              <th scope="col" className="text-right font-medium">
                Correct
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r} className={r === 'all' ? 'border-line border-t font-semibold' : ''}>
                <th scope="row" className="py-0.5 text-left font-normal capitalize">
                  {r === 'all' ? 'Total' : r}
                </th>
                <td className="text-right tabular-nums">
                  {scores[r].correct} / {scores[r].total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-muted text-sm">Loading your progress…</p>
      )}
    </section>
  );
}
