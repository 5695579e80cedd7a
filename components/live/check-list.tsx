import { checkLabels, type Check } from '@/lib/protocol/checks';

/**
 * The checks a server made, in order. The failing one is red with a cross and the word "failed",
 * so it does not rely on colour alone; checks after it were never run. `large`: the projector's
 * size (the live feed).
 */
export function CheckList({
  checks,
  large = false,
}: {
  checks: readonly Check[];
  large?: boolean;
}) {
  const size = large ? 'text-base' : 'text-sm';
  if (checks.length === 0) return <p className={`text-muted ${size}`}>No checks reported.</p>;
  return (
    <ol
      className={`mt-1 space-y-0.5 ${size}`}
      aria-label="Checks, in the order the server made them"
    >
      {checks.map((check, i) => (
        <li
          key={`${check.id}-${i}`}
          className={
            check.ok
              ? 'text-fg flex gap-2'
              : 'bg-err-soft text-err flex gap-2 rounded px-1 font-semibold'
          }
        >
          <span aria-hidden="true" className={check.ok ? 'text-ok' : 'text-err'}>
            {check.ok ? '✓' : '✗'}
          </span>
          <span>
            <span className="sr-only">{check.ok ? 'Passed: ' : 'Failed: '}</span>
            {checkLabels[check.id]}
            {!check.ok && <span className="ml-1 uppercase">— failed</span>}
            {check.detail && <span className="text-muted ml-1 font-normal">({check.detail})</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
