'use client';

import { useState } from 'react';
import { Tabs } from '@/components/ui/tabs';
import { buildApiRequest, buildTokenRequest } from '@/lib/engine/requests';
import { snippet, type SnippetKind } from '@/lib/engine/snippets';
import type { HttpRequestRecord } from '@/lib/engine/http';
import type { LessonExample } from '@/lib/lessons/types';
import { ClientSettingsForm, type ClientValues } from './client-settings-form';
import { CopyButton } from './copy-button';
import { ResponseView, readResponse, type ShownResponse } from './response-view';
import { useOrigin } from './use-origin';

/** Lesson example id -> snippet generator of the step engine. */
const kindOf: Readonly<Record<string, SnippetKind>> = {
  http: 'http',
  curl: 'curl',
  python: 'python',
  fetch: 'javascript',
  node: 'node',
};

type Sent =
  | { readonly label: string; readonly response: ShownResponse }
  | { readonly label: string; readonly error: string };

async function send(request: HttpRequestRecord, label: string): Promise<Sent> {
  const started = performance.now();
  try {
    // Same-origin: the app's own token endpoint and API.
    const url = new URL(request.url);
    const response = await fetch(`${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers.map(([n, v]) => [n, v] as [string, string]),
      body: request.body,
      cache: 'no-store',
      // A 401 with `WWW-Authenticate: Basic` would otherwise make the browser prompt for a password.
      credentials: 'omit',
    });
    return { label, response: await readResponse(response, started) };
  } catch (e) {
    return { label, error: e instanceof Error ? e.message : String(e) };
  }
}

function tokenOf(sent: Sent | null): string | null {
  if (!sent || !('response' in sent) || sent.response.status !== 200) return null;
  try {
    const token = (JSON.parse(sent.response.body) as { access_token?: unknown }).access_token;
    return typeof token === 'string' ? token : null;
  } catch {
    return null;
  }
}

/**
 * The syntax-and-examples workbench: the learner's client values turn into the raw request, curl,
 * Python, fetch and Node (all from the engine's one request record), and "Send it" runs the same
 * request against this app.
 */
export function ExamplesWorkbench({ examples }: { examples: readonly LessonExample[] }) {
  const origin = useOrigin();
  const [values, setValues] = useState<ClientValues>({
    clientId: 'myapp123',
    clientSecret: 'secret456',
    scope: '',
    authMethod: 'body',
  });
  const [results, setResults] = useState<readonly Sent[]>([]);
  const [busy, setBusy] = useState(false);
  const request = buildTokenRequest(
    { ...values, contentType: 'form', grantType: 'client_credentials' },
    origin,
  );
  const token = tokenOf(results[0] ?? null);

  async function run(r: HttpRequestRecord, label: string, keep: readonly Sent[]) {
    setBusy(true);
    const sent = await send(r, label);
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
      <ClientSettingsForm value={values} onChange={setValues} />
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
          {'response' in r ? (
            <ResponseView response={r.response} title={`Response to ${r.label}`} />
          ) : (
            <p className="bg-err-soft rounded-md p-3">The request could not be sent: {r.error}</p>
          )}
        </div>
      ))}
    </div>
  );
}
