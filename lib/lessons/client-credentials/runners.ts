import {
  callApi,
  decideToken,
  endRun,
  issueToken,
  receiveToken,
  sendTokenRequest,
  type LessonRunners,
} from '../../engine/runners';
import { buildTokenRequest } from '../../protocol/requests';
import type { StepOutcomes } from './outcomes';

/**
 * The client credentials lesson's step runners, one per step id: the client prepares its token
 * request from the settings, then the engine's shared token steps run it. The expired-token
 * scenario uses this browser's own registered client, whose clock the server lets it
 * fast-forward: registered for the way the settings send the secret (body parameters:
 * client_secret_post, otherwise client_secret_basic), which the server then holds it to.
 */
export const runners = {
  prepare: {
    talksToServer: (treatment) => treatment === 'expire',
    run: async ({ config, vars, deps }) => {
      const own =
        config.treatment === 'expire'
          ? await deps.learner.ensureClient(
              config.settings.authMethod === 'body' ? 'client_secret_post' : 'client_secret_basic',
              deps,
            )
          : undefined;
      const settings = own
        ? {
            ...config.settings,
            clientId: own.registration.clientId,
            clientSecret: own.registration.clientSecret ?? '',
          }
        : config.settings;
      return {
        vars: { ...vars, client_id: settings.clientId, client_secret: settings.clientSecret },
        prepared: buildTokenRequest(settings, deps.baseUrl),
        exchanges: own?.exchanges ?? [],
        activeNode: 'prepare',
        outcome: settings.authMethod,
      };
    },
  },
  send: sendTokenRequest,
  validate: decideToken,
  issue: issueToken,
  receive: receiveToken,
  'call-api': callApi,
  end: endRun,
} satisfies LessonRunners<StepOutcomes>;
