'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { lessonProgress, type LessonProgress } from './progress-schema';
import { progressStore, startProgressSync, type ProgressState } from './progress';

let syncUsers = 0;
let stopSync: (() => void) | null = null;

/**
 * Reads stored progress after mount and follows other tabs while any component needs it.
 * Call it in every component that shows progress (it is reference-counted).
 */
export function useProgressSync(): void {
  useEffect(() => {
    syncUsers += 1;
    if (syncUsers === 1) stopSync = startProgressSync();
    return () => {
      syncUsers -= 1;
      if (syncUsers === 0) {
        stopSync?.();
        stopSync = null;
      }
    };
  }, []);
}

const subscribeHydration = (onChange: () => void) =>
  progressStore.persist.onFinishHydration(onChange);

/** True once stored progress has been read in this browser (false on the server and first render). */
export function useProgressHydrated(): boolean {
  useProgressSync();
  return useSyncExternalStore(
    subscribeHydration,
    () => progressStore.persist.hasHydrated(),
    () => false,
  );
}

/** Selects from the progress store; the server and the first client render see the empty state. */
export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(progressStore, selector);
}

/** The progress of one lesson (a stable object reference until it changes). */
export function useLessonProgress(slug: string): LessonProgress {
  return useProgress((s) => lessonProgress(s, slug));
}
