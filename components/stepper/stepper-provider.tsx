'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Lesson } from '@/lib/lessons/types';
import type { ScenarioId } from '@/lib/engine/scenarios';
import {
  createStepperStore,
  type StepperActions,
  type StepperState,
  type StepperStore,
} from '@/lib/store/stepper';

const StepperContext = createContext<StepperStore | null>(null);

/** The browser's engine dependencies: same-origin fetch, the real clock, real timers. */
function browserDeps() {
  return {
    fetch: (input: string, init: RequestInit) => fetch(input, init),
    now: () => Date.now(),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  };
}

/**
 * Creates one stepper store for the subtree (per page, never a module global) and disposes of
 * it on unmount. The learn page and the presenter view each wrap their own layout in it.
 */
export function StepperProvider({
  lesson,
  scenarioId,
  children,
}: {
  lesson: Lesson;
  scenarioId?: ScenarioId;
  children: ReactNode;
}) {
  const [store] = useState(() =>
    createStepperStore({ lesson, deps: browserDeps(), ...(scenarioId ? { scenarioId } : {}) }),
  );
  useEffect(() => () => store.getState().dispose(), [store]);
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
