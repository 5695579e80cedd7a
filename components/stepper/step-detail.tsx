'use client';

import { Badge } from '@/components/ui/badge';
import type { ActorId } from '@/lib/lessons/types';
import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { ClockJump } from './clock-jump';
import { ErrorExplainer } from './error-explainer';
import { PredictionPanel } from './prediction-panel';
import { useStepper } from './stepper-provider';
import { stepHeading } from '@/lib/engine/derived';
import { runningStep } from '@/lib/store/stepper';
import { whenIdleAfterLoad } from '@/lib/store/when-idle-after-load';
import { useCurrentStep } from './use-current-step';

const actorTone: Readonly<Record<ActorId, { tone: 'client' | 'authz' | 'api'; name: string }>> = {
  client: { tone: 'client', name: 'Client' },
  'auth-server': { tone: 'authz', name: 'Auth server' },
  api: { tone: 'api', name: 'API' },
};

/**
 * What a step sent and received, and the token: not on screen before the first step, so it loads
 * in its own chunk, fetched once the browser is idle after the page loads (whenIdleAfterLoad).
 */
const StepExchange = dynamic(() => import('./step-exchange').then((m) => m.StepExchange), {
  loading: () => <p className="text-muted text-sm">Loading the exchange…</p>,
});

/** The current step: what happens, what was sent and received, the token and any error. */
export function StepDetail() {
  const { lesson, step, record, note, total, latest, cursor } = useCurrentStep();
  const heading = step ? stepHeading(lesson, step, record) : undefined;
  const running = useStepper(runningStep);
  const failure = useStepper((s) => s.player.failure);
  const token = record?.vars.access_token ?? null;
  const prepared = record?.prepared;
  // A step that prepares a request shows it, and only its own exchanges, not an older one.
  const exchange = prepared && latest?.stepNumber !== cursor ? undefined : latest;
  useEffect(() => whenIdleAfterLoad(() => void import('./step-exchange')), []);
  const runNote = record && (
    <p
      className="border-accent bg-raised mt-2 max-w-3xl rounded-md border-l-4 px-3 py-2 text-sm"
      data-testid="step-note"
    >
      <span className="font-semibold">In this run: </span>
      {note}
    </p>
  );

  return (
    <div className="space-y-3">
      <div>
        <p className="text-muted text-sm">
          {step ? `Step ${step.number} of ${total}` : `Start · ${total} steps`}
        </p>
        <h2
          className="flex flex-wrap items-center gap-2 text-xl font-semibold"
          data-testid="step-title"
        >
          {heading ? heading.title : 'Ready to start'}
          {heading && (
            <Badge tone={actorTone[heading.actor].tone}>{actorTone[heading.actor].name}</Badge>
          )}
          {record &&
            !record.decision &&
            (record.activeNode === 'error' || record.activeNode === 'api-error') && (
              <Badge tone="err">Error path</Badge>
            )}
          {record?.decision && (
            <Badge tone={record.decision.branch === 'yes' ? 'ok' : 'err'}>
              {record.decision.branch === 'yes' ? 'Yes branch' : 'No branch'}
            </Badge>
          )}
        </h2>
        {heading?.onHappyPath ? (
          <>
            {/* Off the happy path, what happened leads; the happy path's words follow, muted. */}
            {runNote}
            <p className="text-muted mt-2 max-w-3xl text-sm">
              <span className="font-semibold">
                Had every check passed, this step would be “{heading.onHappyPath}”:{' '}
              </span>
              {step?.narration}
            </p>
          </>
        ) : (
          <>
            <p className="mt-1 max-w-3xl">
              {step
                ? step.narration
                : 'Press Next (or →) to run the flow one step at a time. Steps that talk to a server send a real request to this app’s own authorization server and API.'}
            </p>
            {runNote}
          </>
        )}
      </div>

      {running !== null && (
        <p role="status" className="text-muted text-sm">
          Running step {running}…
        </p>
      )}
      {record?.fastForward && <ClockJump key={cursor} jump={record.fastForward} />}
      {failure && (
        <p role="alert" className="border-err bg-err-soft rounded-md border p-2 text-sm">
          {failure}
        </p>
      )}

      <PredictionPanel />

      {record?.error && <ErrorExplainer error={record.error} />}

      {(prepared || exchange || token) && (
        <StepExchange
          prepared={prepared}
          exchange={exchange}
          cursor={cursor}
          token={token}
          issued={record?.outcome === 'issued'}
        />
      )}
    </div>
  );
}
