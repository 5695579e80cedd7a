import { failingCheck, type FeedItem } from '@/lib/live/feed';
import type { FeedGroup } from '@/lib/live/feed-groups';
import { checkLabels } from '@/lib/protocol/checks';
import { CheckList } from './check-list';
import { MaskedCredential } from './masked-credential';

const endpointTone: Record<FeedItem['endpoint'], string> = {
  token: 'border-l-authz',
  introspect: 'border-l-authz',
  revoke: 'border-l-authz',
  api: 'border-l-api',
};

function time(at: number): string {
  const d = new Date(at);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The first characters of a claimed client id: enough to find one's own, too few to preach. */
const CLAIM_CHARS = 20;
function claimed(id: string): string {
  const chars = [...id];
  return chars.length > CLAIM_CHARS ? `${chars.slice(0, CLAIM_CHARS).join('')}…` : id;
}

/**
 * One row of the live feed: the line a presenter reads, then the server's checks. A row stands
 * for its group's requests alike ({@link FeedGroup}): it shows the newest, says how many, and
 * lists each one's time and credential on demand.
 */
export function FeedRow({ group, expanded }: { group: FeedGroup; expanded: boolean }) {
  const item = group.newest;
  const count = group.items.length;
  const ok = item.status < 400;
  const failed = failingCheck(item.checks);
  return (
    <li
      className={`border-line bg-surface rounded-md border border-l-4 p-2 ${endpointTone[item.endpoint]}`}
      data-feed-id={item.id}
      data-feed-count={count}
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-muted font-mono text-base">{time(item.at)}</span>
        <span className="font-mono text-lg font-semibold">
          {item.method} {item.path}
        </span>
        {item.clientId !== null && !item.clientVerified ? (
          // an unknown or unproven id is what the request claimed: shown as such, and short
          <span
            className="text-base"
            title="Not a registered client, and not proven by the request"
          >
            <span className="text-muted">claims </span>
            <span className="font-mono italic">“{claimed(item.clientId)}”</span>
          </span>
        ) : (
          <span className="text-base">
            <span className="text-muted">client </span>
            <span className="font-mono">{item.clientId ?? '—'}</span>
          </span>
        )}
        <span
          className={`rounded px-1.5 font-mono text-base font-bold ${ok ? 'bg-ok-soft text-ok' : 'bg-err-soft text-err'}`}
        >
          <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
          {item.status}
          {item.error ? ` ${item.error}` : ''}
        </span>
        <span className="text-muted font-mono text-base">{item.durationMs.toFixed(1)} ms</span>
        {count > 1 && (
          <span className="bg-raised rounded px-1.5 font-mono text-base font-bold">
            ×{count}
            <span className="sr-only"> requests alike since {time(group.items.at(-1)!.at)}</span>
          </span>
        )}
      </div>
      {failed && (
        <p className="text-err mt-1 text-base font-semibold">
          <span aria-hidden="true">✗ </span>Failed check: {checkLabels[failed.id]}
        </p>
      )}
      {count > 1 ? (
        <details className="mt-1">
          <summary className="text-muted cursor-pointer text-base">
            All {count} requests, {time(group.items.at(-1)!.at)} to {time(item.at)}
          </summary>
          <ol className="mt-1 space-y-1" aria-label={`${count} requests alike, newest first`}>
            {group.items.map((each) => (
              <li key={each.id} className="flex flex-wrap items-baseline gap-x-3">
                <span className="text-muted font-mono text-base">{time(each.at)}</span>
                <span className="text-muted font-mono text-base">
                  {each.durationMs.toFixed(1)} ms
                </span>
                <MaskedCredential item={each} at={time(each.at)} />
              </li>
            ))}
          </ol>
        </details>
      ) : (
        <MaskedCredential item={item} at={time(item.at)} />
      )}
      <details open={expanded} className="mt-1">
        <summary className="text-muted cursor-pointer text-base">
          {item.checks.length} {item.checks.length === 1 ? 'check' : 'checks'}
          {failed ? `, stopped at “${checkLabels[failed.id]}”` : ', all passed'}
        </summary>
        <CheckList checks={item.checks} large />
      </details>
    </li>
  );
}
