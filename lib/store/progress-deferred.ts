/**
 * The learner's progress store, loaded only when a page records something, and only after the
 * page has loaded and the main thread is idle: pages that record a visit or a step but show no
 * progress keep zustand's persist middleware and the progress schema out of their first load.
 */
import { whenIdleAfterLoad } from './when-idle-after-load';

type ProgressModule = typeof import('./progress');

/** A write to the progress store, run once the store is loaded. */
export type ProgressTask = (progress: ProgressModule) => void;

let loaded: ProgressModule | null = null;
let queue: ProgressTask[] | null = null;

/**
 * Runs `task` with the progress store: at once when it is already loaded, else after the page's
 * `load` event and an idle moment. Tasks run in the order they were given.
 */
export function withProgress(task: ProgressTask): void {
  if (loaded) return task(loaded);
  if (queue) {
    queue.push(task);
    return;
  }
  queue = [task];
  whenIdleAfterLoad(() => {
    void import('./progress').then((progress) => {
      loaded = progress;
      const tasks = queue ?? [];
      queue = null;
      for (const t of tasks) t(progress);
    });
  });
}
