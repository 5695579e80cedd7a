import { CheckList } from '@/components/live/check-list';
import { pretty, type PageOutcome } from '@/components/modes/response-view';
import { CHECKS_HEADER, parseChecksHeader } from '@/lib/protocol/checks';
import { headerValue } from '@/lib/protocol/records';

/** A real answer, compactly: the status (in words too), the server's checks in order, the body. */
export function ExchangeSummary({ outcome, title }: { outcome: PageOutcome; title: string }) {
  if ('error' in outcome) {
    return (
      <section aria-label={title} className="bg-err-soft text-err rounded px-2 py-1.5 text-sm">
        <h4 className="font-semibold">{title}</h4>
        Not sent: {outcome.error}
      </section>
    );
  }
  const { response } = outcome.exchange;
  const ok = response.status >= 200 && response.status < 300;
  const checks = parseChecksHeader(headerValue(response.headers, CHECKS_HEADER)) ?? [];
  return (
    <section
      aria-label={title}
      className={`bg-surface rounded-lg border-2 ${ok ? 'border-ok' : 'border-err'}`}
    >
      <h4
        className={`flex flex-wrap items-baseline gap-2 px-2 py-1.5 text-sm font-semibold ${ok ? 'bg-ok-soft' : 'bg-err-soft'}`}
      >
        <span>{title}:</span>
        <span className="font-mono">
          HTTP {response.status} {response.statusText}
        </span>
        <span className="text-xs font-normal">{ok ? 'success' : 'refused'}</span>
      </h4>
      <div className="px-2 py-1.5 [overflow-wrap:anywhere]">
        <p className="text-muted text-xs font-medium">The server&apos;s checks ({CHECKS_HEADER})</p>
        <CheckList checks={checks} />
        <pre
          tabIndex={0}
          aria-label={`${title}: body`}
          className="border-line mt-2 max-h-48 overflow-auto border-t pt-1.5 text-xs break-all whitespace-pre-wrap"
        >
          {pretty(response.body)}
        </pre>
      </div>
    </section>
  );
}
