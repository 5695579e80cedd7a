'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { browserDeps } from '@/lib/engine/browser-deps';
import { WithLessonRun } from '@/components/lessons/with-lesson-run';
import type { LessonRun } from '@/lib/lessons/types';
import {
  createStepperStore,
  type StepperActions,
  type StepperState,
  type StepperStore,
} from '@/lib/store/stepper';
import { whenIdleAfterLoad } from '@/lib/store/when-idle-after-load';

const StepperContext = createContext<StepperStore | null>(null);

/**
 * Creates one stepper store for the subtree (per page, never a module global) and disposes of
 * it on unmount. The learn page and the presenter view each wrap their own layout in it.
 */
export function StepperProvider({
  lessonSlug,
  scenarioId,
  children,
}: {
  /** The lesson's slug: a server page passes it, and the lesson (with its runners) is loaded here. */
  lessonSlug: string;
  scenarioId?: string;
  children: ReactNode;
}) {
  return (
    <WithLessonRun slug={lessonSlug}>
      {(lesson) => (
        <LessonStepperProvider lesson={lesson} scenarioId={scenarioId}>
          {children}
        </LessonStepperProvider>
      )}
    </WithLessonRun>
  );
}

function LessonStepperProvider({
  lesson,
  scenarioId,
  children,
}: {
  lesson: LessonRun;
  scenarioId?: string;
  children: ReactNode;
}) {
  const [store] = useState(() =>
    createStepperStore({
      lesson,
      deps: browserDeps(),
      ...(scenarioId ? { scenarioId } : {}),
    }),
  );
  useEffect(() => () => store.getState().dispose(), [store]);
  // The runners load on the first step; fetch them before that, once the page is idle.
  useEffect(() => whenIdleAfterLoad(() => void lesson.loadRunners()), [lesson]);
  return <StepperContext.Provider value={store}>{children}</StepperContext.Provider>;
}

/** The store itself, for imperative use (event handlers, effects). */
export function useStepperStore(): StepperStore {
  const store = useContext(StepperContext);
  if (!store) throw new Error('useStepper must be used inside <StepperProvider>.');
  return store;
}

/** Selects from the stepper state; re-renders only when the selected value changes. */
export function useStepper<T>(selector: (state: StepperState & StepperActions) => T): T {
  return useStore(useStepperStore(), selector);
}
