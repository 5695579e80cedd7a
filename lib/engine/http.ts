/**
 * What the step engine needs from the outside world. Request and response records and sending
 * them live in `lib/protocol`.
 */
import type { SendDeps } from '../protocol/fetch';
import type { LearnerKeys } from './learner-key';

/** Network, clock and the learner's own key and client, all injected. */
export interface EngineDeps extends SendDeps {
  /** Origin of the authorization server and API, e.g. `http://127.0.0.1:3000`. */
  readonly baseUrl: string;
  /**
   * This browser's key pair and registered clients (the private_key_jwt lesson, and the expired
   * scenarios, which fast-forward the server's clock for this browser's own client only).
   */
  readonly learner: LearnerKeys;
}
