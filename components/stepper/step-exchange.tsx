'use client';

import { CheckList } from '@/components/live/check-list';
import type { RecordedExchange } from '@/lib/engine/step-record';
import type { HttpRequestRecord } from '@/lib/protocol/records';
import { HttpExchangeView, RequestView } from './http-exchange';
import { TokenInspector } from './token-inspector';

/** What the current step prepared, sent and received, with its checks, and the token it holds. */
export function StepExchange({
  prepared,
  exchange,
  cursor,
  token,
  issued,
}: {
  prepared?: HttpRequestRecord;
  exchange?: { readonly exchange: RecordedExchange; readonly stepNumber: number };
  cursor: number;
  token: string | null;
  /** Whether this step issued the token: the decoded token is then open. */
  issued: boolean;
}) {
  return (
    <>
      {prepared && (
        <div>
          <h3 className="mb-1 text-sm font-semibold">
            The request the client prepared (not sent yet)
          </h3>
          <RequestView request={prepared} full={false} />
        </div>
      )}
      {exchange && (
        <div>
          <h3 className="mb-1 text-sm font-semibold">
            HTTP exchange
            {exchange.stepNumber !== cursor ? ` (sent at step ${exchange.stepNumber})` : ''}
          </h3>
          <HttpExchangeView
            key={`${exchange.stepNumber}-${exchange.exchange.startedAt}`}
            exchange={exchange.exchange}
          />
          {exchange.exchange.checks && (
            <section aria-label="The server’s checks" className="mt-2">
              <h3 className="text-sm font-semibold">
                What the server checked (from its FlowLab-Checks header)
              </h3>
              <CheckList checks={exchange.exchange.checks} />
            </section>
          )}
        </div>
      )}

      {token && (
        <details className="border-line rounded-md border p-2" open={issued}>
          <summary className="cursor-pointer text-sm font-semibold">
            Decode the access token (header, claims, signature)
          </summary>
          <div className="mt-2">
            <TokenInspector token={token} />
          </div>
        </details>
      )}
    </>
  );
}
