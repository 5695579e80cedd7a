import type { HeaderPair } from '@/lib/engine/http';

export interface ShownResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly HeaderPair[];
  readonly body: string;
  readonly durationMs: number;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** A real HTTP response as received: status (in words too, not colour alone), headers, body. */
export function ResponseView({
  response,
  title = 'Response',
}: {
  response: ShownResponse;
  title?: string;
}) {
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
          {ok ? 'success' : 'error'} · {Math.round(response.durationMs)} ms
        </span>
      </p>
      <pre className="border-line text-muted overflow-x-auto border-b px-3 py-2 text-xs">
        {response.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}
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

/** Reads a fetch Response into a plain record for `ResponseView`. */
export async function readResponse(response: Response, startedAt: number): Promise<ShownResponse> {
  const body = await response.text();
  const headers: HeaderPair[] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  return {
    status: response.status,
    statusText: response.statusText,
    headers,
    body,
    durationMs: performance.now() - startedAt,
  };
}
