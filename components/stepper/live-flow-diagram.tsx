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
  const { lesson, record, branches, visited } = useCurrentStep();
  return (
    <FlowDiagram
      lesson={lesson}
      {...(record ? { activeNode: record.activeNode } : {})}
      branches={branches}
      visited={visited}
      {...(size ? { size } : {})}
      {...(className ? { className } : {})}
    />
  );
}
