import type { EngineDeps } from './http';
import { learnerKeys, type LearnerKeys } from './learner-key';
import { indexedDbLearnerStorage } from './learner-key-idb';

let learner: LearnerKeys | undefined;

/** This browser's one learner key and clients (shared by every view of the page). */
function browserLearner(): LearnerKeys {
  learner ??= learnerKeys(indexedDbLearnerStorage(), crypto.subtle);
  return learner;
}

/**
 * The engine's dependencies in a browser: this page's own origin, the global fetch, the real
 * clock and this browser's learner key (IndexedDB). One factory for every view that runs the
 * engine (the stepper, the visual quiz).
 */
export function browserDeps(): EngineDeps {
  return {
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
    get learner() {
      return browserLearner();
    },
  };
}
