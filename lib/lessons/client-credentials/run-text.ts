import type { RunText } from '../../engine/run-text';
import type { StepRecord } from '../../engine/step-record';
import {
  callApiText,
  endFailureText,
  errorLabel,
  issuedResponse,
  issuedToken,
  status,
} from '../token-run-text';
import type { StepOutcomes } from './outcomes';

/**
 * The client credentials lesson's run text: what the learner reads about a step that has run,
 * keyed by step id and the outcome the engine recorded.
 */

const how = {
  basic: 'in an HTTP Basic Authorization header, the method every server must support',
  body: 'as form fields in the body (client_secret_post; RFC 6749 §2.3.1 calls this NOT RECOMMENDED and Basic the method to use)',
  both: 'both in a Basic header and in the body, which RFC 6749 §2.3 forbids',
  private_key_jwt:
    'as a client assertion: a short-lived JWT signed with its private key (private_key_jwt, RFC 7523), no secret',
} as const;

/** The client of the run: the lesson's, or this browser's own (registered at POST /register). */
const who = (r: StepRecord) =>
  r.exchanges.length > 0
    ? `This browser’s own client ${r.vars.client_id ?? ''} (${r.exchanges.some((e) => e.request.method === 'POST') ? 'just registered' : 'registered earlier'} at POST /register, for the clock fast-forward)`
    : 'The client';

/** The run text of every outcome of every step. */
export const runText: RunText<StepOutcomes> = {
  prepare: {
    basic: {
      tone: 'neutral',
      note: (r) => `${who(r)} builds a POST to /token with its credentials ${how.basic}.`,
    },
    body: {
      tone: 'neutral',
      note: (r) => `${who(r)} builds a POST to /token with its credentials ${how.body}.`,
    },
    both: {
      tone: 'neutral',
      note: (r) => `${who(r)} builds a POST to /token with its credentials ${how.both}.`,
    },
    private_key_jwt: {
      tone: 'neutral',
      note: (r) => `${who(r)} builds a POST to /token with its credentials ${how.private_key_jwt}.`,
    },
  },
  send: {
    answered: {
      tone: 'neutral',
      requestData: 'Same as above (POST /token)',
      response: status,
      note: (r) => `The request went to the token endpoint; the server answered ${status(r)}.`,
    },
  },
  validate: {
    accepted: {
      tone: 'ok',
      response: () => 'Yes',
      note: () => 'Every check the server made passed: the flow takes the Yes branch.',
    },
    refused: {
      tone: 'error',
      response: (r) => `No: ${errorLabel(r)}`,
      note: (r) =>
        `The server refused the request (${r.error?.code ?? r.error?.status ?? 'no answer'}): the flow takes the No branch.`,
    },
  },
  issue: {
    issued: {
      tone: 'ok',
      response: issuedResponse,
      note: (r, trace) => {
        const { scope, lifetime } = issuedToken(trace);
        return [
          `The server issued a ${r.vars.token_type ?? ''} token`,
          scope === undefined ? '' : ` for scope "${scope}"`,
          lifetime === undefined
            ? ' (it sent no expires_in, which is RECOMMENDED, not required)'
            : `, valid ${String(lifetime)} s`,
          '.',
        ].join('');
      },
    },
    refused: {
      tone: 'error',
      response: (r) => `Ended with ${errorLabel(r)}`,
      note: () =>
        'Instead of a token, the server answered with an error response; access_token stays None.',
    },
  },
  receive: {
    stored: {
      tone: 'neutral',
      response: () => 'Token stored for API calls',
      note: () =>
        'The client stores the token and reuses it for its API calls until shortly before it expires (keep a margin), then asks for a new one.',
    },
    'stored-short-lived': {
      tone: 'neutral',
      response: () => 'Token stored for API calls',
      note: (r) =>
        `The client stores the token, valid ${r.vars.expires_in ?? '?'} s; at the next step it moves its own clock on the server past that instead of waiting.`,
    },
    tampered: {
      tone: 'neutral',
      response: () => 'Token payload edited (signature kept)',
      note: () =>
        'The client edits the token’s payload to claim more scope (data:read data:write admin) and keeps the old signature.',
    },
    revoked: {
      tone: 'neutral',
      requestData: 'POST /revoke token=…',
      response: (r) => `Token revoked (POST /revoke: ${r.exchanges[0]?.response.status ?? '?'})`,
      note: (r) =>
        `The client stores the token, then revokes it at POST /revoke (RFC 7009): the server answered ${r.exchanges[0]?.response.status ?? '?'}.`,
    },
    'no-token': {
      tone: 'error',
      response: () => 'Error received, no token',
      note: () => 'The client received an error, not a token. It has nothing to call the API with.',
    },
  },
  'call-api': callApiText,
  end: {
    complete: {
      tone: 'ok',
      response: () => 'Process complete',
      note: () => 'Process complete: token obtained and used to read the protected data.',
    },
    ...endFailureText,
  },
};
