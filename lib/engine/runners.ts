import type { LessonRun } from '../lessons/types';
import type { EngineDeps } from './http';
import { tamperToken } from './jwt';
import {
  buildApiRequest,
  buildRevokeRequest,
  type TokenRequestSettings,
} from '../protocol/requests';
import type { HttpRequestRecord } from '../protocol/records';
import { errorFromExchange, sendAndRecord } from './record-exchange';
import {
  jsonField,
  jsonString,
  tokenExchange,
  type FastForward,
  type RecordedExchange,
  type StepRecord,
  type Vars,
} from './step-record';

/**
 * Step runners and the engine's shared ones. A lesson's runners (`<lesson>/runners.ts`, which its
 * `loadRunners` imports on the first step) are one per step id: each runs its step for real
 * (sending the request when the step talks to a server) and records what happened. No words
 * here: the lesson narrates the records. The shared runners below are the steps every client
 * credentials lesson has once it holds a token request: send it, decide, issue, keep the token,
 * call the API, end. They light the flow nodes `send`, `validate`, `issue`, `store`, `call-api`,
 * `api-check`, `error`, `api-error` and `api-data`, so a lesson that uses them names those nodes
 * in its concept flow.
 */

/** What the shared token runners do with the token between receiving it and calling the API. */
export type TokenTreatment = 'use' | 'expire' | 'tamper' | 'revoke';

/** What a run needs: the lesson, the request settings, and the scenario's treatment. */
export interface RunConfig {
  readonly lesson: LessonRun;
  readonly settings: TokenRequestSettings;
  /** One of the lesson's own treatments (the shared runners know {@link TokenTreatment}). */
  readonly treatment: string;
}

/** Seconds past an expiry the expired scenarios set the server's clock to: 2 s clock tolerance + 1 s margin. */
export const EXPIRY_MARGIN_SECONDS = 3;

/** What a runner reads: the run's config, the trace so far, the variables now, the deps. */
export interface RunnerContext {
  readonly config: RunConfig;
  readonly trace: readonly StepRecord[];
  readonly vars: Vars;
  readonly deps: EngineDeps;
}

/** What a runner returns: its step's record without the step id and number (the engine adds them). */
export type StepResult<O extends string = string> = Omit<
  StepRecord<string, O>,
  'stepId' | 'number'
>;

/** One step's runner, recording one of the outcomes `O`: whether it talks to a server, and how it records its step. */
export interface StepRunner<O extends string = string> {
  talksToServer(treatment: string): boolean;
  run(ctx: RunnerContext): Promise<StepResult<O>>;
}

/** A lesson's runners: one for every step id of its outcome table `M` (step id -> outcomes). */
export type LessonRunners<M extends Readonly<Record<string, string>>> = {
  readonly [S in keyof M]: StepRunner<M[S]>;
};

/** `talksToServer` of a step that never sends a request. */
export const local = () => false;

function compact(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}

/** The token endpoint's answer carried a usable token. */
export function tokenIssued(trace: readonly StepRecord[]): boolean {
  const exchange = tokenExchange(trace);
  return (
    exchange?.response.status === 200 &&
    typeof jsonField(exchange.response.json, 'access_token') === 'string'
  );
}

/** A step the client cannot take because no token was issued: it stays on the error branch. */
export function withoutToken<O extends string>(
  trace: readonly StepRecord[],
  vars: Vars,
  outcome: O,
): StepResult<O> {
  const prev = trace.at(-1);
  return {
    vars,
    exchanges: [],
    activeNode: 'error',
    outcome,
    ...(prev?.error ? { error: prev.error } : {}),
  };
}

/** The request the client prepared last in the trace (the token request it is about to send). */
export function preparedRequest(trace: readonly StepRecord[]): HttpRequestRecord {
  const prepared = trace.findLast((r) => r.prepared)?.prepared;
  if (!prepared) throw new Error('No step prepared a request to send.');
  return prepared;
}

/** Sends the token request the client prepared (RFC 6749 §4.4.2) and records the answer's status. */
export const sendTokenRequest: StepRunner<'answered'> = {
  talksToServer: () => true,
  run: async ({ trace, vars, deps }) => {
    const exchange = await sendAndRecord(preparedRequest(trace), deps);
    return {
      vars: { ...vars, http_status: String(exchange.response.status) },
      exchanges: [exchange],
      activeNode: 'send',
      outcome: 'answered',
    };
  },
};

/** The decision: did the token endpoint issue a token (Yes) or answer an error (No)? */
export const decideToken: StepRunner<'accepted' | 'refused'> = {
  talksToServer: local,
  run: async ({ trace, vars }) => {
    if (tokenIssued(trace)) {
      return {
        vars,
        exchanges: [],
        decision: { node: 'validate', branch: 'yes' },
        activeNode: 'validate',
        outcome: 'accepted',
      };
    }
    const exchange = tokenExchange(trace);
    const error = exchange ? errorFromExchange('token', exchange) : undefined;
    return {
      vars,
      exchanges: [],
      decision: { node: 'validate', branch: 'no' },
      activeNode: 'validate',
      outcome: 'refused',
      ...(error ? { error } : {}),
    };
  },
};

/** The token response read into the variables (RFC 6749 §5.1), or the error branch. */
export const issueToken: StepRunner<'issued' | 'refused'> = {
  talksToServer: local,
  run: async ({ trace, vars }) => {
    const json = tokenExchange(trace)?.response.json;
    if (!tokenIssued(trace)) return withoutToken(trace, vars, 'refused');
    const expiresIn = jsonField(json, 'expires_in');
    return {
      vars: {
        ...vars,
        access_token: jsonString(json, 'access_token') ?? null,
        token_type: jsonString(json, 'token_type') ?? null,
        expires_in: expiresIn === undefined ? null : String(expiresIn),
      },
      exchanges: [],
      activeNode: 'issue',
      outcome: 'issued',
    };
  },
};

/** The client keeps its token, or (by treatment) tampers with it or revokes it (RFC 7009). */
export const receiveToken: StepRunner<
  'stored' | 'stored-short-lived' | 'tampered' | 'revoked' | 'no-token'
> = {
  talksToServer: (treatment) => treatment === 'revoke',
  run: async ({ config, trace, vars, deps }) => {
    const token = vars.access_token;
    if (!token) return withoutToken(trace, vars, 'no-token');
    if (config.treatment === 'tamper') {
      const tampered = tamperToken(token, { scope: 'data:read data:write admin' });
      return {
        vars: { ...vars, access_token: tampered },
        exchanges: [],
        activeNode: 'store',
        outcome: 'tampered',
      };
    }
    if (config.treatment === 'revoke') {
      const exchange = await sendAndRecord(
        buildRevokeRequest(token, config.settings, deps.baseUrl),
        deps,
      );
      return {
        vars: { ...vars, http_status: String(exchange.response.status) },
        exchanges: [exchange],
        activeNode: 'store',
        outcome: 'revoked',
      };
    }
    return {
      vars,
      exchanges: [],
      activeNode: 'store',
      outcome: config.treatment === 'expire' ? 'stored-short-lived' : 'stored',
    };
  },
};

/**
 * Calls the protected API with the token (RFC 6750 §2.1). `expire` first sets the server's clock
 * for this browser's own client (`vars.client_id`) past the token's expiry: no waiting, and no
 * other client's clock moves.
 */
export const callApi: StepRunner<'data' | 'refused' | 'skipped'> = {
  talksToServer: () => true,
  run: async ({ config, trace, vars, deps }) => {
    const token = vars.access_token;
    if (!token) return withoutToken(trace, vars, 'skipped');
    const exchanges: RecordedExchange[] = [];
    let fastForward: FastForward | undefined;
    if (config.treatment === 'expire') {
      const lifetimeSeconds = Number(vars.expires_in ?? 0);
      const offsetSeconds = lifetimeSeconds + EXPIRY_MARGIN_SECONDS;
      exchanges.push(await deps.learner.setClock(vars.client_id ?? '', offsetSeconds, deps));
      fastForward = { offsetSeconds, credential: 'access_token', lifetimeSeconds };
    }
    const exchange = await sendAndRecord(buildApiRequest(token, deps.baseUrl), deps);
    exchanges.push(exchange);
    const ok = exchange.response.status === 200;
    const error = ok ? undefined : errorFromExchange('api', exchange);
    return {
      vars: {
        ...vars,
        http_status: String(exchange.response.status),
        api_response: compact(exchange.response.body),
      },
      exchanges,
      decision: { node: 'api-check', branch: ok ? 'yes' : 'no' },
      activeNode: 'call-api',
      outcome: ok ? 'data' : 'refused',
      ...(error ? { error } : {}),
      ...(fastForward ? { fastForward } : {}),
    };
  },
};

/** The end of the run: complete, or which decision it was refused at. */
export const endRun: StepRunner<'complete' | 'token-failed' | 'api-failed'> = {
  talksToServer: local,
  run: async ({ trace, vars }) => {
    const prev = trace.at(-1);
    const refused = (node: string) =>
      trace.some((s) => s.decision?.node === node && s.decision.branch === 'no');
    const outcome = refused('validate')
      ? 'token-failed'
      : refused('api-check')
        ? 'api-failed'
        : 'complete';
    return {
      vars,
      exchanges: [],
      activeNode:
        outcome === 'token-failed' ? 'error' : outcome === 'api-failed' ? 'api-error' : 'api-data',
      outcome,
      ...(prev?.error ? { error: prev.error } : {}),
    };
  },
};
