import type { StepPrediction } from '../engine/predictions';
import type { OutcomeText } from '../engine/run-text';
import { responseSummary } from '../engine/format';
import { jsonField, jsonString, tokenExchange, type StepRecord } from '../engine/step-record';

/**
 * The words both lessons say about the engine's shared token steps (calling the API, the end of
 * the run), and the helpers their run text shares. Lesson data; each lesson's run text uses them.
 */

/** The status line of a step's last answer ("401 Unauthorized"). */
export const status = (r: StepRecord) => {
  const res = r.exchanges.at(-1)?.response;
  return res ? `${res.status} ${res.statusText}`.trim() : 'no answer';
};

/** The error a run ended with, short ("401 invalid_client"). */
export const errorLabel = (r: StepRecord) =>
  r.error ? `${r.error.status} ${r.error.code ?? ''}`.trim() : 'Error';

/** The token endpoint's answer in one line, for the issue step's response column. */
export const issuedResponse = (_r: StepRecord, trace: readonly StepRecord[]) => {
  const exchange = tokenExchange(trace);
  return exchange ? responseSummary(exchange) : 'N/A';
};

/** What the issued token's answer said: its scope and lifetime, when it sent them. */
export function issuedToken(trace: readonly StepRecord[]): {
  readonly scope: string | undefined;
  readonly lifetime: unknown;
} {
  const json = tokenExchange(trace)?.response.json;
  return { scope: jsonString(json, 'scope'), lifetime: jsonField(json, 'expires_in') };
}

/** "The client", or how its clock was fast-forwarded first (the expired scenarios). */
function subject(r: StepRecord): string {
  return r.fastForward
    ? `With the server’s clock for this browser’s own client set ${r.fastForward.offsetSeconds} s ahead, the`
    : 'The';
}

/** The run text of the shared call-api step. */
export const callApiText = {
  data: {
    tone: 'ok',
    note: (r) =>
      `${subject(r)} client called GET /api/data with the Bearer token; the API checked it and answered 200 with data.`,
  },
  refused: {
    tone: 'error',
    note: (r) =>
      `${subject(r)} client called GET /api/data; the API refused with ${r.exchanges.at(-1)?.response.status ?? ''} ${r.error?.code ?? ''}.`.trimEnd(),
  },
  skipped: {
    tone: 'error',
    requestData: 'Skipped: no token',
    response: () => 'N/A',
    note: () => 'No token was issued, so the client cannot call the API: this step is skipped.',
  },
} as const satisfies Record<'data' | 'refused' | 'skipped', OutcomeText>;

/**
 * How the run reached an expiry, when it fast-forwarded the clock (the expired scenarios): said
 * again at the end, so a learner who reads only the last step does not think the credential had
 * really run out.
 */
function clockJump(trace: readonly StepRecord[]): string {
  const jump = trace.find((r) => r.fastForward)?.fastForward;
  if (!jump) return '';
  const what = jump.credential === 'access_token' ? 'the access token' : 'the client assertion';
  return ` On the real clock, ${what} had not expired: the server’s clock for this browser’s own client alone was set ${jump.offsetSeconds} s ahead, past its exp, which was ${jump.lifetimeSeconds} s away.`;
}

/** The run text of the shared end step's failures. */
export const endFailureText = {
  'token-failed': {
    tone: 'error',
    response: (r) => `Ended with ${errorLabel(r)}`,
    note: (_r, trace) =>
      `The flow ended on the No branch: no token, no API call.${clockJump(trace)}`,
  },
  'api-failed': {
    tone: 'error',
    response: (r) => `Ended with ${errorLabel(r)}`,
    note: (_r, trace) => `The client had a token, but the API refused it.${clockJump(trace)}`,
  },
} as const satisfies Record<'token-failed' | 'api-failed', OutcomeText>;

/** What a learner may predict before the API call (the same API in every lesson). */
export const apiCallPrediction: StepPrediction = {
  success: '200-data',
  withoutCall: 'no-call',
  options: [
    { id: '200-data', label: '200: API data' },
    { id: '401-invalid_token', label: '401 invalid_token' },
    { id: '403-insufficient_scope', label: '403 insufficient_scope' },
    { id: 'no-call', label: 'No call: there is no token' },
  ],
};
