import type { Lesson } from '../lessons/types';
import type { StepId } from '../lessons/client-credentials/steps';
import type { EngineDeps } from './http';
import { tamperToken } from './jwt';
import {
  buildApiRequest,
  buildRevokeRequest,
  buildTokenRequest,
  type TokenRequestSettings,
} from '../protocol/requests';
import type { TokenTreatment } from './scenarios';
import {
  errorFromExchange,
  sendAndRecord,
  jsonField,
  jsonString,
  tokenExchange,
  type RecordOf,
  type StepRecord,
  type Vars,
} from './step-record';

/**
 * The step runners, one per step id of the lesson: each runs its step for real (sending the
 * request when the step talks to a server) and records what happened. No words here: the lesson
 * narrates the records.
 */

/** What a run needs: the lesson, the request settings, and what to do with the token. */
export interface RunConfig {
  readonly lesson: Lesson;
  readonly settings: TokenRequestSettings;
  readonly treatment: TokenTreatment;
}

/** Seconds past a token's expiry before the expired-token scenario calls the API: 2 s API clock tolerance + 1 s margin. */
export const EXPIRY_MARGIN_SECONDS = 3;

/** What a runner reads: the run's config, the trace so far, the variables now, the deps. */
export interface RunnerContext {
  readonly config: RunConfig;
  readonly trace: readonly StepRecord[];
  readonly vars: Vars;
  readonly deps: EngineDeps;
}

/** One step's runner: whether it talks to a server, and how it records its step. */
export interface StepRunner<S extends StepId> {
  readonly talksToServer: (treatment: TokenTreatment) => boolean;
  readonly run: (ctx: RunnerContext) => Promise<Omit<RecordOf<S>, 'stepId' | 'number'>>;
}

const local = () => false;

function compact(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body;
  }
}

/** The token endpoint's answer carried a usable token. */
function tokenIssued(trace: readonly StepRecord[]): boolean {
  const exchange = tokenExchange(trace);
  return (
    exchange?.response.status === 200 &&
    typeof jsonField(exchange.response.json, 'access_token') === 'string'
  );
}

/** A step the client cannot take because no token was issued: it stays on the error branch. */
function withoutToken<O extends string>(trace: readonly StepRecord[], vars: Vars, outcome: O) {
  const prev = trace.at(-1);
  return {
    vars,
    exchanges: [],
    activeNode: 'error',
    outcome,
    ...(prev?.error ? { error: prev.error } : {}),
  };
}

/** Every step's runner, keyed by the lesson's typed step id. */
export const runners: { readonly [S in StepId]: StepRunner<S> } = {
  prepare: {
    talksToServer: local,
    run: async ({ config, vars, deps }) => ({
      vars: {
        ...vars,
        client_id: config.settings.clientId,
        client_secret: config.settings.clientSecret,
      },
      prepared: buildTokenRequest(config.settings, deps.baseUrl),
      exchanges: [],
      activeNode: 'prepare',
      outcome: config.settings.authMethod,
    }),
  },

  send: {
    talksToServer: () => true,
    run: async ({ config, vars, deps }) => {
      const exchange = await sendAndRecord(buildTokenRequest(config.settings, deps.baseUrl), deps);
      return {
        vars: { ...vars, http_status: String(exchange.response.status) },
        exchanges: [exchange],
        activeNode: 'send',
        outcome: 'answered',
      };
    },
  },

  validate: {
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
  },

  issue: {
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
  },

  receive: {
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
  },

  'call-api': {
    talksToServer: () => true,
    run: async ({ config, trace, vars, deps }) => {
      const token = vars.access_token;
      if (!token) return withoutToken(trace, vars, 'skipped');
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
      const exchange = await sendAndRecord(buildApiRequest(token, deps.baseUrl), deps);
      const ok = exchange.response.status === 200;
      const error = ok ? undefined : errorFromExchange('api', exchange);
      return {
        vars: {
          ...vars,
          http_status: String(exchange.response.status),
          api_response: compact(exchange.response.body),
        },
        exchanges: [exchange],
        decision: { node: 'api-check', branch: ok ? 'yes' : 'no' },
        activeNode: 'call-api',
        outcome: ok ? 'data' : 'refused',
        ...(error ? { error } : {}),
        ...(waitedMs ? { waitedMs } : {}),
      };
    },
  },

  end: {
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
          outcome === 'token-failed'
            ? 'error'
            : outcome === 'api-failed'
              ? 'api-error'
              : 'api-data',
        outcome,
        ...(prev?.error ? { error: prev.error } : {}),
      };
    },
  },
};
