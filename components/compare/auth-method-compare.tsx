'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { sendFromPage, type PageOutcome } from '@/components/modes/response-view';
import { useOrigin } from '@/components/modes/use-origin';
import type { AuthMethodComparison, ComparedMethodId } from '@/lib/lessons/auth-methods';
import { browserDeps } from '@/lib/engine/browser-deps';
import { endpointUrl, TOKEN_PATH } from '@/lib/protocol/paths';
import type { HttpRequestRecord } from '@/lib/protocol/records';
import { toRawHttp } from '@/lib/protocol/render';
import { markDifferences } from './differences';
import { MethodColumn } from './method-column';
import { keyMethodRequest, secretMethodRequest } from './method-requests';
import { ThreatTable } from './threat-table';

/** What one method's column has sent: the request record, its answer, and a replay's answer. */
export interface SentExchange {
  readonly request: HttpRequestRecord;
  readonly first: PageOutcome;
  readonly replay?: PageOutcome;
}

/** How each method's request is made: built afresh for every send (a new assertion each time). */
function preparers(
  comparison: AuthMethodComparison,
): Readonly<Record<ComparedMethodId, (origin: string) => Promise<HttpRequestRecord>>> {
  return {
    client_secret_basic: async (origin) =>
      secretMethodRequest('client_secret_basic', comparison.secretClient, origin),
    client_secret_post: async (origin) =>
      secretMethodRequest('client_secret_post', comparison.secretClient, origin),
    // This browser's own client (registered once, reused) and a fresh assertion per send.
    private_key_jwt: async (origin) => {
      const deps = { ...browserDeps(), baseUrl: origin };
      const { registration } = await deps.learner.ensureClient('private_key_jwt', deps);
      const assertion = await deps.learner.sign({
        clientId: registration.clientId,
        audience: endpointUrl(origin, TOKEN_PATH),
        now: Math.floor(deps.now() / 1000),
      });
      return keyMethodRequest(registration.clientId, assertion, origin);
    },
  };
}

/**
 * The side-by-side mode: the same token request sent with each client authentication method,
 * the requests with their differences highlighted, the server's real answers and checks, a
 * replay of each captured request, and what each method protects against.
 */
export function AuthMethodCompare({ comparison }: { comparison: AuthMethodComparison }) {
  const origin = useOrigin();
  const [prepare] = useState(() => preparers(comparison));
  const [sent, setSent] = useState<Partial<Record<ComparedMethodId, SentExchange>>>({});
  const [errors, setErrors] = useState<Partial<Record<ComparedMethodId, string>>>({});
  const [busy, setBusy] = useState(false);

  const previews = comparison.methods.map(
    (m) =>
      sent[m.id]?.request ??
      (m.id === 'private_key_jwt'
        ? undefined
        : secretMethodRequest(m.id, comparison.secretClient, origin)),
  );
  const shown = previews.flatMap((r) => (r ? [toRawHttp(r)] : []));
  const marked = markDifferences(shown);
  let next = 0;
  const markedOf = previews.map((r) => (r ? marked[next++] : undefined));

  async function run(task: () => Promise<void>) {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  }
  async function send(id: ComparedMethodId) {
    const make = prepare[id];
    let request: HttpRequestRecord;
    try {
      request = await make(origin);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      setSent((s) => ({ ...s, [id]: undefined }));
      setErrors((x) => ({ ...x, [id]: error }));
      return;
    }
    setErrors((x) => ({ ...x, [id]: undefined }));
    const first = await sendFromPage(request);
    setSent((s) => ({ ...s, [id]: { request, first } }));
  }
  async function replay(id: ComparedMethodId) {
    const earlier = sent[id];
    if (!earlier) return;
    const again = await sendFromPage(earlier.request);
    setSent((s) => ({ ...s, [id]: { ...earlier, replay: again } }));
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="primary"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              for (const m of comparison.methods) await send(m.id);
            })
          }
        >
          Send all three
        </Button>
        <p className="text-muted text-sm">
          <mark className="bg-warn-soft text-fg decoration-warn rounded-sm px-1 underline decoration-dotted underline-offset-2">
            Highlighted
          </mark>
          : what this request has that another one does not.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        {comparison.methods.map((method, i) => (
          <MethodColumn
            key={method.id}
            method={method}
            marked={markedOf[i]}
            sent={sent[method.id]}
            error={errors[method.id]}
            busy={busy}
            replayNote={comparison.replayNote}
            onSend={() => void run(() => send(method.id))}
            onReplay={() => void run(() => replay(method.id))}
          />
        ))}
      </div>
      <section aria-labelledby="threats-heading" className="space-y-2">
        <h2 id="threats-heading" className="text-xl font-semibold">
          What each method protects against
        </h2>
        <ThreatTable comparison={comparison} />
        <p className="max-w-3xl">{comparison.takeaway}</p>
      </section>
    </div>
  );
}
