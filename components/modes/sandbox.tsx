'use client';

import { useId, useState } from 'react';
import { useEarlyEdits } from '@/components/ui/use-early-edits';
import { WithLessonRun } from '@/components/lessons/with-lesson-run';
import { browserDeps } from '@/lib/engine/browser-deps';
import { prepareTokenRequest } from '@/lib/engine/trace';
import { API_PATH, sendablePaths } from '@/lib/protocol/paths';
import { httpMethods, type HttpRequestRecord } from '@/lib/protocol/records';
import { ResponseView, accessTokenOf, sendFromPage, type PageOutcome } from './response-view';
import {
  parseHeaderLines,
  sandboxPresets,
  sandboxRequestOf,
  sandboxUrl,
  type SandboxRequest,
} from './sandbox-presets';
import { useOrigin } from './use-origin';

const field = 'w-full rounded-md border border-line bg-bg px-2 py-1.5 font-mono text-sm';

/** The record the sandbox sends: the composed request to `url`, on this app. */
function toRecord(
  req: SandboxRequest,
  url: string,
  headers: [string, string][],
): HttpRequestRecord {
  return {
    method: req.method,
    url,
    headers,
    ...(req.method === 'GET' ? {} : { body: req.body }),
  };
}

const preset = 'border-line hover:bg-raised rounded-md border px-2 py-1 text-xs';

/**
 * The preset of a lesson whose client signs (`syntax.samplesFrom: 'run'`): the token request its
 * happy path prepares, made afresh in this browser (its own registered key signs a new assertion
 * each time, which is single-use and lives 60 s).
 */
function SignedPreset({
  lessonSlug,
  onLoad,
}: {
  lessonSlug: string;
  onLoad: (req: SandboxRequest) => void;
}) {
  const [state, setState] = useState<
    { kind: 'idle' | 'signing' } | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  return (
    <WithLessonRun slug={lessonSlug}>
      {(lesson) => (
        <>
          <button
            type="button"
            disabled={state.kind === 'signing'}
            onClick={() => {
              setState({ kind: 'signing' });
              prepareTokenRequest(lesson, browserDeps()).then(
                (record) => {
                  onLoad(sandboxRequestOf(record));
                  setState({ kind: 'idle' });
                },
                (e: unknown) =>
                  setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
              );
            }}
            className={`${preset} disabled:opacity-60`}
          >
            {state.kind === 'signing' ? 'Signing…' : 'Token, private_key_jwt (signed now)'}
          </button>
          {state.kind === 'failed' && (
            <p role="alert" className="bg-err-soft w-full rounded-md p-2 text-sm">
              Could not sign a request in this browser: {state.message}
            </p>
          )}
        </>
      )}
    </WithLessonRun>
  );
}

/**
 * Compose any request to the app's endpoints (method, headers, body) and see the server's real
 * answer. `signs`: the lesson's client signs assertions, so a preset signs one in this browser.
 */
export function Sandbox({ lessonSlug, signs }: { lessonSlug: string; signs: boolean }) {
  const id = useId();
  const [req, setReq] = useState<SandboxRequest>(sandboxPresets[0] as SandboxRequest);
  const [outcome, setOutcome] = useState<PageOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = useEarlyEdits<HTMLFormElement>();
  const { headers, invalid } = parseHeaderLines(req.headers);
  const origin = useOrigin();
  const url = sandboxUrl(req.path, origin);
  const token = accessTokenOf(outcome);
  const hasBody = req.method !== 'GET';

  async function submit() {
    if (url === null) return;
    setBusy(true);
    setOutcome(await sendFromPage(toRecord(req, url, headers)));
    setBusy(false);
  }

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
      <form
        ref={fields}
        className="border-line bg-surface space-y-3 rounded-lg border p-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend className="mb-1 text-sm font-semibold">Start from</legend>
          <div className="flex flex-wrap gap-2">
            {sandboxPresets.map((p) => (
              <button key={p.id} type="button" onClick={() => setReq(p)} className={preset}>
                {p.label}
              </button>
            ))}
            {signs && <SignedPreset lessonSlug={lessonSlug} onLoad={setReq} />}
            {token ? (
              <button
                type="button"
                onClick={() =>
                  setReq({
                    method: 'GET',
                    path: API_PATH,
                    headers: `Authorization: Bearer ${token}`,
                    body: '',
                  })
                }
                className="border-accent text-accent hover:bg-raised rounded-md border px-2 py-1 text-xs font-medium"
              >
                Use the token on /api/data
              </button>
            ) : null}
          </div>
        </fieldset>
        <div className="grid grid-cols-[7rem_1fr] gap-2">
          <label className="text-sm">
            <span className="mb-1 block font-medium">Method</span>
            <select
              className={field}
              value={req.method}
              onChange={(e) =>
                setReq({ ...req, method: httpMethods.find((m) => m === e.target.value) ?? 'GET' })
              }
            >
              {httpMethods.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">Path</span>
            <input
              className={field}
              list={`${id}-paths`}
              value={req.path}
              onChange={(e) => setReq({ ...req, path: e.target.value })}
              spellCheck={false}
              aria-invalid={url === null}
              aria-describedby={url === null ? `${id}-elsewhere` : undefined}
            />
            <datalist id={`${id}-paths`}>
              {sendablePaths.map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </label>
        </div>
        {url === null ? (
          <p id={`${id}-elsewhere`} role="alert" className="bg-warn-soft rounded-md p-2 text-sm">
            The sandbox sends only to this app ({origin}): use a path such as <code>/token</code>,
            or a URL of this app. To call another server, use curl from your terminal.
          </p>
        ) : null}
        <label className="block text-sm">
          <span className="mb-1 block font-medium">Headers (one per line, Name: value)</span>
          <textarea
            className={`${field} h-24`}
            value={req.headers}
            onChange={(e) => setReq({ ...req, headers: e.target.value })}
            spellCheck={false}
          />
        </label>
        {invalid.length > 0 ? (
          <p role="alert" className="bg-warn-soft rounded-md p-2 text-sm">
            Not sent as headers (need <code>Name: value</code>): {invalid.join(', ')}
          </p>
        ) : null}
        <label className="block text-sm">
          <span className="mb-1 block font-medium">
            Body{hasBody ? '' : ' (not sent with GET)'}
          </span>
          <textarea
            className={`${field} h-24`}
            value={req.body}
            disabled={!hasBody}
            onChange={(e) => setReq({ ...req, body: e.target.value })}
            spellCheck={false}
          />
        </label>
        <p className="text-muted text-xs">
          Sent from this page with fetch to this app. The browser sets Host and Content-Length
          itself and drops headers it forbids scripts to set.
        </p>
        <button
          type="submit"
          disabled={busy || url === null}
          className="bg-accent text-bg rounded-md px-4 py-2 font-semibold disabled:opacity-60"
        >
          Send request
        </button>
      </form>
      <div aria-live="polite" aria-busy={busy}>
        {busy ? <p className="text-muted text-sm">Sending…</p> : null}
        {!busy && outcome === null ? (
          <p className="text-muted text-sm">The server&apos;s answer will appear here.</p>
        ) : null}
        {!busy && outcome && 'exchange' in outcome ? (
          <ResponseView exchange={outcome.exchange} />
        ) : null}
        {!busy && outcome && 'error' in outcome ? (
          <p className="bg-err-soft rounded-md p-3">
            The request could not be sent: {outcome.error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
