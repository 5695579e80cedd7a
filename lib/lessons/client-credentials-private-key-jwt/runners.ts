import {
  callApi,
  decideToken,
  EXPIRY_MARGIN_SECONDS,
  endRun,
  issueToken,
  local,
  preparedRequest,
  type LessonRunners,
  type RunnerContext,
} from '../../engine/runners';
import { sendAndRecord } from '../../engine/record-exchange';
import type { FastForward, RecordedExchange } from '../../engine/step-record';
import {
  DEFAULT_ASSERTION_LIFETIME,
  unsignedClientAssertion,
  type AssertionOptions,
} from '../../protocol/client-assertion';
import { TOKEN_PATH, endpointUrl } from '../../protocol/paths';
import { buildTokenRequest } from '../../protocol/requests';
import type { StepOutcomes } from './outcomes';
import { OTHER_AUDIENCE } from './scenarios';

/**
 * The private_key_jwt lesson's step runners: this browser's key and registration (the engine's
 * learner key), the assertion's claims and signature, the token request (sent once, late, or
 * twice), then the engine's shared token steps.
 */

/** The assertion's options, rebuilt from the claims the tracker shows (one source: the vars). */
function assertionOptions({ vars, deps }: RunnerContext): AssertionOptions {
  const clientId = vars.client_id ?? '';
  const iat = Number(vars.iat ?? Math.floor(deps.now() / 1000));
  return {
    clientId,
    audience: vars.aud ?? '',
    now: iat,
    claims: {
      iss: clientId,
      sub: clientId,
      aud: vars.aud ?? '',
      iat,
      exp: Number(vars.exp ?? iat),
      jti: vars.jti ?? '',
    },
  };
}

/** The lesson's step runners, one per step id. */
export const runners = {
  'make-key': {
    talksToServer: local,
    run: async ({ vars, deps }) => {
      const { kid } = await deps.learner.publicKey();
      return { vars: { ...vars, kid }, exchanges: [], activeNode: 'make-key', outcome: 'ready' };
    },
  },

  register: {
    talksToServer: () => true,
    run: async ({ config, vars, deps }) => {
      const own = await deps.learner.ensureClient('private_key_jwt', deps);
      const last = own.exchanges.at(-1);
      return {
        vars: {
          ...vars,
          // An edited client_id (scenario custom) goes into iss and sub instead of this browser's.
          client_id: config.settings.clientId.trim() || own.registration.clientId,
          http_status: last ? String(last.response.status) : (vars.http_status ?? null),
        },
        exchanges: own.exchanges,
        activeNode: 'register',
        outcome: own.outcome,
      };
    },
  },

  'build-claims': {
    talksToServer: local,
    run: async ({ config, vars, deps }) => {
      const iat = Math.floor(deps.now() / 1000);
      const wrongAud = config.treatment === 'wrong-aud';
      return {
        vars: {
          ...vars,
          aud: wrongAud ? OTHER_AUDIENCE : endpointUrl(deps.baseUrl, TOKEN_PATH),
          iat: String(iat),
          exp: String(iat + DEFAULT_ASSERTION_LIFETIME),
          jti: crypto.randomUUID(),
        },
        exchanges: [],
        activeNode: 'claims',
        outcome: wrongAud ? 'wrong-aud' : 'standard',
      };
    },
  },

  sign: {
    talksToServer: local,
    run: async (ctx) => {
      const { config, vars, deps } = ctx;
      const options = assertionOptions(ctx);
      const { treatment } = config;
      const assertion =
        treatment === 'alg-none'
          ? unsignedClientAssertion(options)
          : treatment === 'stranger-key'
            ? await deps.learner.signWithStrangerKey(options)
            : await deps.learner.sign(options);
      const settings = {
        ...config.settings,
        clientId: options.clientId,
        clientAssertion: assertion,
      };
      return {
        vars: { ...vars, client_assertion: assertion },
        prepared: buildTokenRequest(settings, deps.baseUrl),
        exchanges: [],
        activeNode: 'sign',
        outcome:
          treatment === 'alg-none'
            ? 'unsigned'
            : treatment === 'stranger-key'
              ? 'signed-stranger'
              : 'signed',
      };
    },
  },

  send: {
    talksToServer: () => true,
    run: async ({ config, trace, vars, deps }) => {
      const request = preparedRequest(trace);
      const exchanges: RecordedExchange[] = [];
      let fastForward: FastForward | undefined;
      if (config.treatment === 'expire-assertion') {
        const lifetimeSeconds = Number(vars.exp ?? 0) - Number(vars.iat ?? 0);
        const offsetSeconds = lifetimeSeconds + EXPIRY_MARGIN_SECONDS;
        exchanges.push(await deps.learner.setClock(vars.client_id ?? '', offsetSeconds, deps));
        fastForward = { offsetSeconds, credential: 'client_assertion', lifetimeSeconds };
      }
      exchanges.push(await sendAndRecord(request, deps));
      // The replay: the very same bytes again, as someone who copied the request would send them.
      if (config.treatment === 'replay') exchanges.push(await sendAndRecord(request, deps));
      const last = exchanges.at(-1);
      return {
        vars: { ...vars, http_status: last ? String(last.response.status) : null },
        exchanges,
        activeNode: 'send',
        outcome: fastForward
          ? 'answered-late'
          : config.treatment === 'replay'
            ? 'replayed'
            : 'answered',
        ...(fastForward ? { fastForward } : {}),
      };
    },
  },

  validate: decideToken,
  issue: issueToken,
  'call-api': callApi,
  end: endRun,
} satisfies LessonRunners<StepOutcomes>;
