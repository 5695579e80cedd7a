import { Button } from '@/components/ui/button';
import type { ComparedMethod } from '@/lib/lessons/auth-methods';
import type { SentExchange } from './auth-method-compare';
import type { MarkedLine } from './differences';
import { ExchangeSummary } from './exchange-summary';
import { MarkedRequest } from './marked-request';

/** One method's column: how it sends the credential, the request, its answers, its sources. */
export function MethodColumn({
  method,
  marked,
  sent,
  error,
  busy,
  replayNote,
  onSend,
  onReplay,
}: {
  method: ComparedMethod;
  marked: readonly MarkedLine[] | undefined;
  sent: SentExchange | undefined;
  error: string | undefined;
  busy: boolean;
  replayNote: string;
  onSend: () => void;
  onReplay: () => void;
}) {
  return (
    <section
      aria-labelledby={`${method.id}-heading`}
      className="border-line bg-surface flex min-w-0 flex-col gap-3 rounded-lg border p-3"
    >
      <h2 id={`${method.id}-heading`} className="font-mono text-base font-bold">
        {method.id}
      </h2>
      <p className="text-sm">{method.sends}</p>
      {marked ? (
        <MarkedRequest
          lines={marked}
          label={`${method.id}: the request ${sent ? 'sent' : 'it sends'}`}
        />
      ) : (
        <p className="text-muted text-sm">The assertion is signed in your browser when you send.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={busy} onClick={onSend} aria-label={`Send ${method.id}`}>
          Send
        </Button>
        <Button
          size="sm"
          disabled={busy || !sent}
          onClick={onReplay}
          aria-label={`Send it again (replay): the same ${method.id} request`}
          title={replayNote}
        >
          Send it again (replay)
        </Button>
      </div>
      {error && (
        <p role="alert" className="bg-err-soft text-err rounded px-2 py-1 text-sm">
          Could not prepare the request: {error}
        </p>
      )}
      {sent && <ExchangeSummary outcome={sent.first} title="Answer" />}
      {sent?.replay && <ExchangeSummary outcome={sent.replay} title="Answer to the replay" />}
      <p className="text-muted mt-auto text-xs">
        <span className="font-semibold">The server keeps:</span> {method.serverKeeps}{' '}
        {method.sources.map((s, i) => (
          <span key={s.url}>
            {i > 0 && ', '}
            <a href={s.url} className="underline underline-offset-2" rel="noreferrer">
              {s.label}
            </a>
          </span>
        ))}
      </p>
    </section>
  );
}
