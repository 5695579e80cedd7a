'use client';

import { useState } from 'react';
import { Tabs } from '@/components/ui/tabs';
import { snippet, type SnippetKind } from '@/lib/engine/snippets';
import type { HttpRequestRecord } from '@/lib/protocol/records';
import { buildApiRequest } from '@/lib/protocol/requests';
import type { LessonExample } from '@/lib/lessons/types';
import { CopyButton } from './copy-button';
import { ResponseView, accessTokenOf, sendFromPage, type PageOutcome } from './response-view';
import { useOrigin } from './use-origin';

/** Lesson example id -> snippet generator of the step engine. */
const kindOf: Readonly<Record<string, SnippetKind>> = {
  http: 'http',
  curl: 'curl',
  python: 'python',
  fetch: 'javascript',
  node: 'node',
};

type Sent = PageOutcome & { readonly label: string };

/**
 * The samples of one token request: the raw request, curl, Python, fetch and Node (all from the
 * engine's one request record), and "Send it" runs that very request against this app.
 */
export function RequestSamples({
  examples,
  request,
}: {
  examples: readonly LessonExample[];
  request: HttpRequestRecord;
}) {
  const origin = useOrigin();
  const [results, setResults] = useState<readonly Sent[]>([]);
  const [busy, setBusy] = useState(false);
  const token = accessTokenOf(results[0] ?? null);

  async function run(r: HttpRequestRecord, label: string, keep: readonly Sent[]) {
    setBusy(true);
    const sent = { ...(await sendFromPage(r)), label };
    setResults([...keep, sent]);
    setBusy(false);
  }

  const tabs = examples.map((ex) => {
    const code = snippet(kindOf[ex.id] ?? 'http', request);
    return {
      id: ex.id,
      label: ex.title.replace(/^(The |A )/, ''),
      content: (
        <div>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <p className="text-muted text-sm">{ex.description}</p>
            <CopyButton text={code} label={ex.title} />
          </div>
          <pre
            tabIndex={0}
            aria-label={ex.title}
            className="border-line bg-raised overflow-x-auto rounded-md border p-3 text-sm"
          >
            <code>{code}</code>
          </pre>
        </div>
      ),
    };
  });

  return (
    <div className="space-y-4">
      <Tabs
        items={tabs}
        label="Code samples"
        className="border-line bg-surface rounded-lg border p-3"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(request, 'POST /token', [])}
          className="bg-accent text-bg rounded-md px-4 py-2 font-semibold disabled:opacity-60"
        >
          Send it
        </button>
        {token ? (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                buildApiRequest(token, origin),
                'GET /api/data with the token',
                results.slice(0, 1),
              )
            }
            className="border-line hover:bg-raised rounded-md border px-4 py-2 font-medium disabled:opacity-60"
          >
            Call GET /api/data with this token
          </button>
        ) : null}
        <span aria-live="polite" className="text-muted text-sm">
          {busy
            ? 'Sending…'
            : results.length > 0
              ? `Received ${results.length === 1 ? 'the response' : 'both responses'}.`
              : ''}
        </span>
      </div>
      {results.map((r) => (
        <div key={r.label}>
          <h3 className="mb-1 text-sm font-semibold">{r.label}</h3>
          {'exchange' in r ? (
            <ResponseView exchange={r.exchange} title={`Response to ${r.label}`} />
          ) : (
            <p className="bg-err-soft rounded-md p-3">The request could not be sent: {r.error}</p>
          )}
        </div>
      ))}
    </div>
  );
}
