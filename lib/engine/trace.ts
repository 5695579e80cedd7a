import type { Lesson } from '../lessons/types';
import { explainError, type ErrorExplanation } from './errors';
import {
  headerValue,
  sendRequest,
  type EngineDeps,
  type HttpExchange,
  type HttpRequestRecord,
} from './http';
import { tamperToken } from './jwt';
import {
  buildApiRequest,
  buildRevokeRequest,
  buildTokenRequest,
  type TokenRequestSettings,
} from './requests';
import type { TokenTreatment } from './scenarios';

/**
 * The trace: one full record per step, built lazily by actually running the flow. Stepping
 * forward onto a step that talks to a server sends its request then; stepping back only moves a
 * cursor over step records that already exist.
 */

export type Branch = 'yes' | 'no';

/** Variable values after a step; `null` is shown as None (the variable does not exist yet). */
export type Vars = Readonly<Record<string, string | null>>;

/** An error a server answered with. */
export interface TraceError {
  readonly source: 'token' | 'api';
  readonly status: number;
  /** The RFC error code, when the server gave one. */
  readonly code?: string;
  readonly description?: string;
  readonly explanation?: ErrorExplanation;
}

export interface StepRecord {
  readonly stepId: string;
  /** 1-based step number. */
  readonly number: number;
  readonly vars: Vars;
  /** The request prepared at this step but not sent yet (the prepare step). */
  readonly prepared?: HttpRequestRecord;
  /** The round trips made during this step, in order. */
  readonly exchanges: readonly HttpExchange[];
  /** A decision taken at this step: which decision node of the flow, and which arm. */
  readonly decision?: { readonly node: string; readonly branch: Branch };
  /** The flow node lit while this step is shown (it differs from the step's own on a No branch). */
  readonly activeNode: string;
  /** The error the flow ended up with so far, if any. */
  readonly error?: TraceError;
  /** What happened at this step in this run, in one or two sentences. */
  readonly note: string;
  /** Milliseconds the engine waited on purpose during this step (expired-token scenario). */
  readonly waitedMs?: number;
}

/** What a run needs: the lesson, the request settings, and what to do with the token. */
export interface RunConfig {
  readonly lesson: Lesson;
  readonly settings: TokenRequestSettings;
  readonly treatment: TokenTreatment;
}

/** Seconds past a token's expiry before the expired-token scenario calls the API: 2 s API clock tolerance + 1 s margin. */
export const EXPIRY_MARGIN_SECONDS = 3;

/** The variables before step 1: every tracked variable is None. */
export function initialVars(lesson: Lesson): Vars {
  return Object.fromEntries(lesson.variables.map((v) => [v.name, null]));
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads the error of a failed token or API response (JSON body, or an RFC 6750 challenge). */
export function errorFromExchange(
  source: TraceError['source'],
  exchange: HttpExchange,
): TraceError {
  const { status, headers, json } = exchange.response;
  const body = record(json);
  const challenge = headerValue(headers, 'www-authenticate') ?? '';
  const fromHeader = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1];
  const code = str(body.error) ?? fromHeader('error');
  const description = str(body.error_description) ?? fromHeader('error_description');
  const explanation = explainError(code, status);
  return {
    source,
    status,
    ...(code ? { code } : {}),
    ...(description ? { description } : {}),
    ...(explanation ? { explanation } : {}),
  };
}

/** The token endpoint's answer carried a usable token. */
function tokenIssued(exchange: HttpExchange | undefined): boolean {
  return (
    exchange?.response.status === 200 &&
    typeof record(exchange.response.json).access_token === 'string'
  );
}

/** The token request exchange of a trace (sent at the "send" step). */
export function tokenExchange(trace: readonly StepRecord[]): HttpExchange | undefined {
  return trace.find((s) => s.stepId === 'send')?.exchanges[0];
}

/** The API exchange of a trace (sent at the "call-api" step). */
export function apiExchange(trace: readonly StepRecord[]): HttpExchange | undefined {
  return trace.find((s) => s.stepId === 'call-api')?.exchanges.at(-1);
}

function compact(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}

type StepResult = Omit<StepRecord, 'stepId' | 'number'>;
type StepRunner = (ctx: {
  config: RunConfig;
  trace: readonly StepRecord[];
  vars: Vars;
  deps: EngineDeps;
}) => Promise<StepResult>;

/** A step the client cannot take because no token was issued: it stays on the error branch. */
function withoutToken(trace: readonly StepRecord[], vars: Vars, note: string): StepResult {
  const prev = trace.at(-1);
  return {
    vars,
    exchanges: [],
    activeNode: 'error',
    ...(prev?.error ? { error: prev.error } : {}),
    note,
  };
}

const runners: Readonly<Record<string, StepRunner>> = {
  async prepare({ config, vars, deps }) {
    const { settings } = config;
    const prepared = buildTokenRequest(settings, deps.baseUrl);
    const how =
      settings.authMethod === 'basic'
        ? 'in an HTTP Basic Authorization header'
        : settings.authMethod === 'body'
          ? 'as form fields in the body'
          : 'both in a Basic header and in the body';
    return {
      vars: { ...vars, client_id: settings.clientId, client_secret: settings.clientSecret },
      prepared,
      exchanges: [],
      activeNode: 'prepare',
      note: `The client builds a POST to /token with its credentials ${how}.`,
    };
  },

  async send({ config, vars, deps }) {
    const exchange = await sendRequest(buildTokenRequest(config.settings, deps.baseUrl), deps);
    return {
      vars: { ...vars, http_status: String(exchange.response.status) },
      exchanges: [exchange],
      activeNode: 'send',
      note: `The request went to the token endpoint; the server answered ${exchange.response.status} ${exchange.response.statusText}.`,
    };
  },

  async validate({ trace, vars }) {
    const exchange = tokenExchange(trace);
    if (tokenIssued(exchange)) {
      return {
        vars,
        exchanges: [],
        decision: { node: 'validate', branch: 'yes' },
        activeNode: 'validate',
        note: 'The server accepted the credentials: the flow takes the Yes branch.',
      };
    }
    const error = exchange ? errorFromExchange('token', exchange) : undefined;
    return {
      vars,
      exchanges: [],
      decision: { node: 'validate', branch: 'no' },
      activeNode: 'validate',
      ...(error ? { error } : {}),
      note: `The server refused the request (${error?.code ?? error?.status ?? 'no answer'}): the flow takes the No branch.`,
    };
  },

  async issue({ trace, vars }) {
    const exchange = tokenExchange(trace);
    const prev = trace.at(-1);
    if (!exchange || !tokenIssued(exchange)) {
      return {
        vars,
        exchanges: [],
        activeNode: 'error',
        ...(prev?.error ? { error: prev.error } : {}),
        note: 'Instead of a token, the server answered with an error response; access_token stays None.',
      };
    }
    const body = record(exchange.response.json);
    return {
      vars: {
        ...vars,
        access_token: String(body.access_token),
        token_type: str(body.token_type) ?? null,
        expires_in: body.expires_in === undefined ? null : String(body.expires_in),
      },
      exchanges: [],
      activeNode: 'issue',
      note: `The server issued a ${str(body.token_type) ?? ''} token for scope "${str(body.scope) ?? ''}", valid ${String(body.expires_in)} s.`,
    };
  },

  async receive({ config, trace, vars, deps }) {
    const token = vars.access_token;
    if (!token) {
      return withoutToken(
        trace,
        vars,
        'The client received an error, not a token. It has nothing to call the API with.',
      );
    }
    if (config.treatment === 'tamper') {
      const tampered = tamperToken(token, { scope: 'data:read data:write admin' });
      return {
        vars: { ...vars, access_token: tampered },
        exchanges: [],
        activeNode: 'store',
        note: 'The client edits the token’s payload to claim more scope (data:read data:write admin) and keeps the old signature.',
      };
    }
    if (config.treatment === 'revoke') {
      const { clientId, clientSecret } = config.settings;
      const exchange = await sendRequest(
        buildRevokeRequest(token, clientId, clientSecret, deps.baseUrl),
        deps,
      );
      return {
        vars: { ...vars, http_status: String(exchange.response.status) },
        exchanges: [exchange],
        activeNode: 'store',
        note: `The client stores the token, then revokes it at POST /revoke (RFC 7009): the server answered ${exchange.response.status}.`,
      };
    }
    return {
      vars,
      exchanges: [],
      activeNode: 'store',
      note:
        config.treatment === 'expire'
          ? `The client stores the token. It is valid for only ${vars.expires_in ?? '?'} s.`
          : 'The client stores the token for its API calls until it expires.',
    };
  },

  async 'call-api'({ config, trace, vars, deps }) {
    const token = vars.access_token;
    if (!token) {
      return withoutToken(
        trace,
        vars,
        'No token was issued, so the client cannot call the API: this step is skipped.',
      );
    }
    let waitedMs: number | undefined;
    if (config.treatment === 'expire') {
      const issued = tokenExchange(trace);
      const receivedAt = issued ? issued.startedAt + issued.durationMs : deps.now();
      const until = receivedAt + (Number(vars.expires_in ?? 0) + EXPIRY_MARGIN_SECONDS) * 1000;
      waitedMs = Math.max(0, until - deps.now());
      if (waitedMs > 0) {
        deps.onWait?.({ until, reason: 'Waiting until the token has certainly expired' });
        await deps.sleep(waitedMs);
      }
    }
    const exchange = await sendRequest(buildApiRequest(token, deps.baseUrl), deps);
    const ok = exchange.response.status === 200;
    const error = ok ? undefined : errorFromExchange('api', exchange);
    const waited = waitedMs ? `After waiting ${Math.round(waitedMs / 1000)} s, the` : 'The';
    return {
      vars: {
        ...vars,
        http_status: String(exchange.response.status),
        api_response: compact(exchange.response.body),
      },
      exchanges: [exchange],
      decision: { node: 'api-check', branch: ok ? 'yes' : 'no' },
      activeNode: 'call-api',
      ...(error ? { error } : {}),
      ...(waitedMs ? { waitedMs } : {}),
      note: ok
        ? `${waited} client called GET /api/data with the Bearer token; the API checked it and answered 200 with data.`
        : `${waited} client called GET /api/data; the API refused with ${exchange.response.status} ${error?.code ?? ''}.`.trimEnd(),
    };
  },

  async end({ trace, vars }) {
    const prev = trace.at(-1);
    const tokenFailed = trace.some(
      (s) => s.decision?.node === 'validate' && s.decision.branch === 'no',
    );
    const apiFailed = trace.some(
      (s) => s.decision?.node === 'api-check' && s.decision.branch === 'no',
    );
    const activeNode = tokenFailed ? 'error' : apiFailed ? 'api-error' : 'api-data';
    return {
      vars,
      exchanges: [],
      activeNode,
      ...(prev?.error ? { error: prev.error } : {}),
      note: tokenFailed
        ? 'The flow ended on the No branch: no token, no API call.'
        : apiFailed
          ? 'The client had a token, but the API refused it.'
          : 'Process complete: token obtained and used to read the protected data.',
    };
  },
};

/** Whether stepping onto this step talks to a server (so its request is sent then). */
export function stepTalksToServer(stepId: string, treatment: TokenTreatment): boolean {
  return (
    stepId === 'send' || stepId === 'call-api' || (stepId === 'receive' && treatment === 'revoke')
  );
}

/**
 * Runs the next step of the flow (the one after the last record) and returns its record.
 * The caller appends it to the trace. Rejects when the network fails or the trace is complete.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export async function runNextStep(
  config: RunConfig,
  trace: readonly StepRecord[],
  deps: EngineDeps,
): Promise<StepRecord> {
  const step = config.lesson.steps[trace.length];
  if (!step) throw new Error('The trace is already complete.');
  const runner = runners[step.id];
  if (!runner) throw new Error(`No runner for step "${step.id}".`);
  const vars = trace.at(-1)?.vars ?? initialVars(config.lesson);
  const result = await runner({ config, trace, vars, deps });
  return { stepId: step.id, number: step.number, ...result };
}

/** Runs every step from the start and returns the full trace (tests, quizzes, previews). */
export async function runAll(config: RunConfig, deps: EngineDeps): Promise<StepRecord[]> {
  const trace: StepRecord[] = [];
  while (trace.length < config.lesson.steps.length)
    trace.push(await runNextStep(config, trace, deps));
  return trace;
}
