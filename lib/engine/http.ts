/**
 * What the step engine needs from the outside world. Request and response records and sending
 * them live in `lib/protocol`.
 */
import type { SendDeps } from '../protocol/fetch';

/** Network, clock and timer, all injected. */
export interface EngineDeps extends SendDeps {
  readonly sleep: (ms: number) => Promise<void>;
  /** Origin of the authorization server and API, e.g. `http://127.0.0.1:3000`. */
  readonly baseUrl: string;
  /** Told before the engine waits on purpose (the expired-token scenario), so a view can count down. */
  readonly onWait?: (wait: { readonly until: number; readonly reason: string }) => void;
}
