import { browserSendDeps, sendRequest } from '@/lib/protocol/fetch';
import type { HttpExchange, HttpRequestRecord } from '@/lib/protocol/records';
import { headerLines } from '@/lib/protocol/render';

/** What sending from the page gave: the exchange, or why the request could not be sent. */
export type PageOutcome = { readonly exchange: HttpExchange } | { readonly error: string };

/** Sends a request record from this page (the protocol's one fetch) and never rejects. */
export async function sendFromPage(request: HttpRequestRecord): Promise<PageOutcome> {
  try {
    return { exchange: await sendRequest(request, browserSendDeps()) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The access token of a successful token response, or null. */
export function accessTokenOf(outcome: PageOutcome | null): string | null {
  if (!outcome || !('exchange' in outcome)) return null;
  const { status, json } = outcome.exchange.response;
  if (status !== 200 || typeof json !== 'object' || json === null) return null;
  const token = (json as { access_token?: unknown }).access_token;
  return typeof token === 'string' ? token : null;
}

/** A JSON body indented for reading; any other body as it came. */
export function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** A real HTTP response as received: status (in words too, not colour alone), headers, body. */
export function ResponseView({
  exchange,
  title = 'Response',
}: {
  exchange: HttpExchange;
  title?: string;
}) {
  const { response, durationMs } = exchange;
  const ok = response.status >= 200 && response.status < 300;
  return (
    <section
      aria-label={title}
      className={`rounded-lg border-2 ${ok ? 'border-ok' : 'border-err'} bg-surface`}
    >
      <p
        className={`flex flex-wrap items-center gap-2 px-3 py-2 font-mono text-sm font-semibold ${ok ? 'bg-ok-soft' : 'bg-err-soft'}`}
      >
        <span>
          HTTP {response.status} {response.statusText}
        </span>
        <span className="font-sans text-xs font-normal">
          {ok ? 'success' : 'error'} · {Math.round(durationMs)} ms
        </span>
      </p>
      <pre
        tabIndex={0}
        aria-label="Response headers"
        className="border-line text-muted overflow-x-auto border-b px-3 py-2 text-xs"
      >
        {headerLines(response.headers).join('\n')}
      </pre>
      <pre
        tabIndex={0}
        aria-label="Response body"
        className="max-h-96 overflow-auto px-3 py-2 text-sm break-all whitespace-pre-wrap"
      >
        {pretty(response.body)}
      </pre>
    </section>
  );
}
