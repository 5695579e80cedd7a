import {
  callApi,
  decideToken,
  endRun,
  issueToken,
  local,
  receiveToken,
  sendTokenRequest,
  type LessonRunners,
} from '../../engine/runners';
import { buildTokenRequest } from '../../protocol/requests';
import type { StepOutcomes } from './outcomes';

/**
 * The client credentials lesson's step runners, one per step id: the client prepares its token
 * request from the settings, then the engine's shared token steps run it.
 */
export const runners = {
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
  send: sendTokenRequest,
  validate: decideToken,
  issue: issueToken,
  receive: receiveToken,
  'call-api': callApi,
  end: endRun,
} satisfies LessonRunners<StepOutcomes>;
