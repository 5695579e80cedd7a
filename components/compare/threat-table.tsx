import {
  comparedMethodIds,
  type AuthMethodComparison,
  type ComparedMethodId,
} from '@/lib/lessons/auth-methods';

/** What each method protects against: threats as rows, methods as columns, in words and marks. */
export function ThreatTable({
  comparison,
  methodIds = comparedMethodIds,
}: {
  comparison: AuthMethodComparison;
  methodIds?: readonly ComparedMethodId[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
        <caption className="text-muted mb-2 text-left">If an attacker gets hold of…</caption>
        <thead>
          <tr className="border-line border-b">
            <th scope="col" className="py-2 pr-3 font-semibold">
              Threat
            </th>
            {methodIds.map((id) => (
              <th key={id} scope="col" className="py-2 pr-3 font-mono text-xs font-semibold">
                {id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.threats.map((threat) => (
            <tr key={threat.id} className="border-line border-b align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <span className="font-semibold">{threat.title}</span>
                <span className="text-muted block text-xs">{threat.scenario}</span>
              </th>
              {methodIds.map((id) => {
                const verdict = comparison.verdicts[id][threat.id];
                return (
                  <td key={id} className="py-2 pr-3">
                    <span className={`font-semibold ${verdict.protects ? 'text-ok' : 'text-err'}`}>
                      <span aria-hidden="true">{verdict.protects ? '✓ ' : '✗ '}</span>
                      {verdict.protects ? 'Protected' : 'Not protected'}
                    </span>
                    <span className="block">{verdict.why}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
