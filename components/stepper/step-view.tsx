'use client';

import { Card } from '@/components/ui/card';
import { ExecutionTable } from './execution-table';
import { LiveFlowDiagram } from './live-flow-diagram';
import { ScenarioPanel } from './scenario-panel';
import { StepAnnouncer } from './step-announcer';
import { StepDetail } from './step-detail';
import { StepperControls } from './stepper-controls';
import { StepperProvider } from './stepper-provider';
import { useStepperKeyboard } from './use-stepper-keyboard';
import { useUrlSync } from './use-url-sync';
import { VariableTracker } from './variable-tracker';

function Layout() {
  useStepperKeyboard();
  useUrlSync();
  return (
    <div className="space-y-4">
      <StepAnnouncer />
      <Card title="Scenario and client values">
        <ScenarioPanel />
      </Card>
      <div className="border-line bg-surface z-10 rounded-lg border px-3 py-2 md:sticky md:top-0">
        <StepperControls />
      </div>
      {/* The step comes first, right under the controls: on a phone the learner reads what
          Next did without scrolling past the diagram; on a wide screen the diagram sits left. */}
      <div className="grid gap-4 lg:grid-cols-[minmax(16rem,22rem)_minmax(0,1fr)]">
        <section
          aria-label="Current step"
          className="border-line bg-surface min-w-0 rounded-lg border p-3 lg:col-start-2 lg:row-start-1"
        >
          <StepDetail />
        </section>
        <Card title="Concept flow" className="lg:col-start-1 lg:row-start-1">
          <LiveFlowDiagram />
        </Card>
      </div>
      <Card title="Execution table">
        <ExecutionTable />
      </Card>
      <Card title="Variable tracker">
        <VariableTracker />
      </Card>
    </div>
  );
}

/** The step-by-step page's interactive part: its own stepper store and the full learner layout. */
export function StepView({ lessonSlug }: { lessonSlug: string }) {
  return (
    <StepperProvider lessonSlug={lessonSlug}>
      <Layout />
    </StepperProvider>
  );
}
