'use client';

import { FlowDiagram } from './flow-diagram';
import { useCurrentStep } from './use-current-step';

/** The concept flow diagram wired to the stepper: current node lit, branches taken drawn. */
export function LiveFlowDiagram({
  className,
  size,
}: {
  className?: string;
  size?: 'regular' | 'large';
}) {
  const { lesson, snapshot, branches, visited } = useCurrentStep();
  return (
    <FlowDiagram
      lesson={lesson}
      {...(snapshot ? { activeNode: snapshot.activeNode } : {})}
      branches={branches}
      visited={visited}
      {...(size ? { size } : {})}
      {...(className ? { className } : {})}
    />
  );
}
