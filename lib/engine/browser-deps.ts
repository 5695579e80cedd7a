import type { EngineDeps } from './http';
import type { LearnerKeys } from './learner-key';

let learner: Promise<LearnerKeys> | undefined;

/**
 * This browser's one learner key and clients (IndexedDB), shared by every view of the page. The
 * key code (and jose with it) is fetched on first use only, so a lesson whose client has a
 * secret never loads it, and one that signs loads it after the page has rendered.
 */
function browserLearner(): Promise<LearnerKeys> {
  learner ??= Promise.all([import('./learner-key'), import('./learner-key-idb')]).then(
    ([keys, idb]) => keys.learnerKeys(idb.indexedDbLearnerStorage(), crypto.subtle),
  );
  return learner;
}

/** The learner's keys, each call loading them first (see `browserLearner`). */
const lazyLearner: LearnerKeys = {
  publicKey: () => browserLearner().then((l) => l.publicKey()),
  ensureClient: (method, deps) => browserLearner().then((l) => l.ensureClient(method, deps)),
  registrationOf: (clientId) => browserLearner().then((l) => l.registrationOf(clientId)),
  setClock: (clientId, seconds, deps) =>
    browserLearner().then((l) => l.setClock(clientId, seconds, deps)),
  sign: (options, header) => browserLearner().then((l) => l.sign(options, header)),
  signWithStrangerKey: (options) => browserLearner().then((l) => l.signWithStrangerKey(options)),
};

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
    learner: lazyLearner,
  };
}
