'use client';

import type { Score } from '@/lib/store/progress-schema';

const rows = ['easy', 'medium', 'hard', 'all'] as const;

/**
 * The learner's score per difficulty (correct / total), from stored progress. Until that is read
 * the table is already there, its counts a dash: on a phone it sits above the questions, and a
 * table replacing a one-line message pushed every question down once the page had hydrated.
 */
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
      {ready ? null : <p className="sr-only">Loading your progress…</p>}
      <table className="w-full text-sm" aria-busy={!ready}>
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
                {ready ? scores[r].correct : '–'} / {scores[r].total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
