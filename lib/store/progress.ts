/**
 * The learner's lasting progress: a zustand store persisted in localStorage, versioned, validated
 * on every read, and kept consistent across tabs.
 *
 * - Hydration is manual (`skipHydration`): server and first client render both show the empty
 *   state, then `ensureProgressHydrated()` (called from an effect, or by any action) reads storage.
 * - Every action hydrates first, so a write can never overwrite stored progress with an empty
 *   state.
 * - Corrupt or foreign data is cleaned or dropped (see `progress-schema.ts`), never thrown.
 * - `startProgressSync()` rehydrates when another tab writes the same key (`storage` event).
 *
 * The step page records the learner's place with `recordStep(lesson, step, scenario)`.
 */
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import {
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  emptyProgress,
  reachStep,
  recordAnswer,
  visitMode,
  type ProgressData,
  type QuizKind,
} from './progress-schema';
import { migrateProgress, parseProgress } from './progress-parse';
import { webStorage } from './web-storage';

/** What the progress store can do: record visits, steps and answers, and reset. */
export interface ProgressActions {
  visitMode(lesson: string, mode: string): void;
  recordStep(lesson: string, step: number, scenario: string): void;
  answer(
    lesson: string,
    kind: QuizKind,
    questionId: string,
    choice: string,
    correct: boolean,
  ): void;
  reset(): void;
}

/** The progress store's state: the data plus its actions. */
export type ProgressState = ProgressData & ProgressActions;

/** A `PersistStorage` over localStorage that never throws: unreadable data reads as "nothing stored". */
export function createSafeStorage(
  getStorage: () => Storage | undefined,
): PersistStorage<ProgressData> {
  const storage = (): Storage | undefined => {
    try {
      return getStorage();
    } catch {
      return undefined; // no window (server) or storage disabled (private mode)
    }
  };
  return {
    getItem(name) {
      const s = storage();
      let raw: string | null = null;
      try {
        raw = s?.getItem(name) ?? null;
        if (raw === null) return null;
        const value: unknown = JSON.parse(raw);
        if (typeof value !== 'object' || value === null || !('state' in value))
          throw new Error('not progress');
        const { state, version } = value as { state: unknown; version?: unknown };
        // A missing or non-numeric version is treated as the current one and validated by merge.
        return {
          state: state as ProgressData,
          version: typeof version === 'number' ? version : PROGRESS_VERSION,
        };
      } catch {
        try {
          s?.removeItem(name); // corrupt: drop it so it cannot fail again
        } catch {
          // storage refused; nothing more to do
        }
        return null;
      }
    },
    setItem(name, value: StorageValue<ProgressData>) {
      try {
        storage()?.setItem(name, JSON.stringify(value));
      } catch {
        // quota exceeded or storage disabled: progress stays in memory for this page
      }
    },
    removeItem(name) {
      try {
        storage()?.removeItem(name);
      } catch {
        // as above
      }
    },
  };
}

/** Builds a progress store over the given storage (tests pass their own; the app uses localStorage). */
export function createProgressStore(
  getStorage: () => Storage | undefined = () => webStorage('localStorage'),
) {
  const store = createStore<ProgressState>()(
    persist(
      (set, get) => {
        const update = (change: (data: ProgressData) => ProgressData) => {
          if (!store.persist.hasHydrated()) hydrateNow();
          set(change({ lessons: get().lessons }));
        };
        return {
          ...emptyProgress(),
          visitMode: (lesson, mode) => update((d) => visitMode(d, lesson, mode, Date.now())),
          recordStep: (lesson, step, scenario) =>
            update((d) => reachStep(d, lesson, step, scenario, Date.now())),
          answer: (lesson, kind, id, choice, correct) =>
            update((d) => recordAnswer(d, lesson, kind, id, choice, correct, Date.now())),
          reset: () => update(() => emptyProgress()),
        };
      },
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: createSafeStorage(getStorage),
        skipHydration: true,
        partialize: (state) => ({ lessons: state.lessons }),
        migrate: (persisted, version) => migrateProgress(persisted, version),
        merge: (persisted, current) => ({
          ...current,
          ...(parseProgress(persisted) ?? emptyProgress()),
        }),
      },
    ),
  );
  // localStorage is synchronous, so rehydrate() finishes before it returns.
  const hydrateNow = () => void store.persist.rehydrate();
  return store;
}

/** A progress store (the browser's, or one a test creates). */
export type ProgressStore = ReturnType<typeof createProgressStore>;

/** The browser's progress store (module scope is fine: server components never read it). */
export const progressStore: ProgressStore = createProgressStore();

/** Reads stored progress once; later calls do nothing. Safe to call on every mount. */
export function ensureProgressHydrated(store: ProgressStore = progressStore): void {
  if (!store.persist.hasHydrated()) void store.persist.rehydrate();
}

/**
 * Keeps this tab in step with the others: when another tab writes progress (or clears storage),
 * re-read it. Returns the unsubscribe function.
 */
export function startProgressSync(
  store: ProgressStore = progressStore,
  target: Window = window,
): () => void {
  ensureProgressHydrated(store);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_STORAGE_KEY || event.key === null) void store.persist.rehydrate();
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}

/**
 * Records the step the learner reached in the visualizer (the step page calls this on every
 * step change). `step` is 1-based; `scenario` is a scenario id such as `valid`.
 */
export function recordStep(lesson: string, step: number, scenario: string): void {
  progressStore.getState().recordStep(lesson, step, scenario);
}

/** Records a visit of a learning mode (`intro`, `flow`, `step`, ...). */
export function recordModeVisit(lesson: string, mode: string): void {
  progressStore.getState().visitMode(lesson, mode);
}
