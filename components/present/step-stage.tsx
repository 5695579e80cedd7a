'use client';

import { ErrorExplainer } from '@/components/stepper/error-explainer';
import { LiveFlowDiagram } from '@/components/stepper/live-flow-diagram';
import { useCurrentStep } from '@/components/stepper/use-current-step';
import { useStepper } from '@/components/stepper/stepper-provider';
import { runningStep } from '@/lib/store/stepper';
import { stepHeading } from '@/lib/engine/derived';
import { presentableScenarios } from '@/lib/engine/scenarios';

const actorTone = { client: 'text-client', 'auth-server': 'text-authz', api: 'text-api' } as const;
const actorName = {
  client: 'Client',
  'auth-server': 'Authorization server',
  api: 'Protected API',
} as const;

/** The projector's main area: the concept flow, then the current step in large type. */
export function StepStage() {
  const { lesson, step, note, record, total, latest } = useCurrentStep();
  const running = useStepper(runningStep);
  const failure = useStepper((s) => s.player.failure);
  const scenarioId = useStepper((s) => s.scenarioId);
  const scenario = presentableScenarios(lesson).find((s) => s.id === scenarioId);
  const heading = step ? stepHeading(lesson, step, record) : undefined;

  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:h-full lg:min-h-0 lg:grid-cols-[minmax(0,6fr)_minmax(0,5fr)] lg:grid-rows-[minmax(0,1fr)]">
      {/* On a projector the diagram fills its whole column (height or width, whichever runs out first). */}
      <LiveFlowDiagram
        size="large"
        className="flex min-h-0 flex-col lg:h-full [&_svg]:max-w-none lg:[&_svg]:h-full lg:[&_svg]:min-h-0"
      />
      <div
        className="relative min-h-0 lg:overflow-y-auto"
        role="region"
        aria-label="Step narration"
        tabIndex={0}
      >
        {step && heading ? (
          <>
            <p className={`text-lg font-semibold ${actorTone[heading.actor]}`}>
              Step {step.number} of {total} · {actorName[heading.actor]}
            </p>
            <h2 className="text-2xl leading-tight font-bold lg:text-4xl">{heading.title}</h2>
            <p className="mt-2 text-lg leading-snug lg:text-2xl">{note ?? step.narration}</p>
          </>
        ) : (
          <>
            <p className="text-muted text-lg font-semibold">Start · {total} steps</p>
            <h2 className="text-2xl font-bold lg:text-4xl">Nothing sent yet</h2>
            {scenario && (
              <p className="text-muted mt-2 text-lg lg:text-2xl">{scenario.description}</p>
            )}
            <p className="mt-2 text-lg lg:text-2xl">Press → to prepare the first request.</p>
          </>
        )}
        {latest && (
          <p
            className="mt-3 font-mono text-lg break-words lg:text-2xl"
            data-testid="latest-exchange"
          >
            {latest.exchange.request.method} {new URL(latest.exchange.request.url).pathname} →{' '}
            <span className={latest.exchange.response.status < 400 ? 'text-ok' : 'text-err'}>
              <span aria-hidden="true">{latest.exchange.response.status < 400 ? '✓ ' : '✗ '}</span>
              {latest.exchange.response.status} {latest.exchange.response.statusText}
            </span>
          </p>
        )}
        {record?.error && (
          <div className="mt-3 text-lg">
            <ErrorExplainer error={record.error} />
          </div>
        )}
        {running !== null && (
          <p className="text-warn mt-2 text-xl" role="status">
            Running step {running}…
          </p>
        )}
        {failure && (
          <p className="text-err mt-2 text-xl" role="alert">
            {failure}
          </p>
        )}
      </div>
    </div>
  );
}
