import { shorten } from '../../engine/format';
import { checkLabels } from '../../protocol/checks';
import type { RunText } from '../../engine/run-text';
import { tokenExchange, type StepRecord } from '../../engine/step-record';
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
 * The private_key_jwt lesson's run text: what the learner reads about a step that has run, keyed
 * by step id and the outcome the engine recorded.
 */

const failedCheck = (trace: readonly StepRecord[]) => {
  const check = tokenExchange(trace)?.checks?.find((c) => !c.ok);
  return check ? ` The check that failed: ${checkLabels[check.id]}.` : '';
};
const exchangeList = (r: StepRecord) =>
  r.exchanges
    .map((e) => `${e.request.method} ${new URL(e.request.url).pathname} → ${e.response.status}`)
    .join(', ');

/** What the prepared request also carries when it sends a client_secret beside the assertion. */
const secretToo = (r: StepRecord) =>
  new URLSearchParams(r.prepared?.body ?? '').has('client_secret')
    ? ' It also put a client_secret in the body: two authentication methods on one request.'
    : '';

/** The run text of every outcome of every step. */
export const runText: RunText<StepOutcomes> = {
  'make-key': {
    ready: {
      tone: 'neutral',
      response: (r) => `Key pair ready, kid ${shorten(r.vars.kid ?? '', 16)}`,
      note: (r) =>
        `This browser holds an ES256 key pair (kid ${shorten(r.vars.kid ?? '', 16)}); its private key is non-extractable and never leaves WebCrypto.`,
    },
  },
  register: {
    registered: {
      tone: 'ok',
      note: (r) =>
        `The client registered its public key (${exchangeList(r)}) and got client_id ${r.vars.client_id ?? '?'}; the server stores the public key, and no secret exists.`,
    },
    reused: {
      tone: 'ok',
      note: (r) =>
        `The server still knows this browser’s client ${r.vars.client_id ?? '?'} (${exchangeList(r)}): its registration is reused, and the answer carries the public key only.`,
    },
    'reused-clock-reset': {
      tone: 'ok',
      note: (r) =>
        `The server still knows this browser’s client ${r.vars.client_id ?? '?'} (${exchangeList(r)}): its registration is reused, and its clock, which an earlier run had moved ahead, is set back to real time first, so this run’s assertion is checked on the real clock. The GET answer carries the public key only.`,
    },
  },
  'build-claims': {
    standard: {
      tone: 'neutral',
      requestData: 'iss = sub = client_id, aud, iat, exp, jti',
      response: (r) =>
        `aud ${r.vars.aud ?? '?'}, exp in ${Number(r.vars.exp) - Number(r.vars.iat)} s`,
      note: (r) =>
        `The claims name client ${r.vars.client_id ?? '?'} as iss and sub, this server’s token endpoint as aud, expire ${Number(r.vars.exp) - Number(r.vars.iat)} s after iat, and carry a fresh jti.`,
    },
    'wrong-aud': {
      tone: 'neutral',
      requestData: 'iss = sub = client_id, aud = another server, iat, exp, jti',
      response: (r) => `aud ${r.vars.aud ?? '?'} (not this server)`,
      note: (r) =>
        `The claims are addressed to another server (aud ${r.vars.aud ?? '?'}), as an assertion stolen from another service would be.`,
    },
  },
  sign: {
    signed: {
      tone: 'neutral',
      response: () => 'Assertion signed (ES256); token request prepared',
      note: (r) =>
        `The client signed the claims with its private key (ES256) and put the JWT in client_assertion, with client_assertion_type …jwt-bearer.${secretToo(r)}`,
    },
    'signed-stranger': {
      tone: 'neutral',
      response: () => 'Signed with an unregistered key',
      note: () =>
        'A key pair made just now, never registered, signed the claims; the header still names the registered key’s kid.',
    },
    unsigned: {
      tone: 'neutral',
      response: () => 'alg "none", no signature',
      note: () =>
        'The assertion has the header {"alg":"none"} and an empty signature: anyone could have written it.',
    },
  },
  send: {
    answered: {
      tone: 'neutral',
      requestData: 'Same as above (POST /token)',
      response: status,
      note: (r) => `The request went to the token endpoint; the server answered ${status(r)}.`,
    },
    'answered-late': {
      tone: 'neutral',
      requestData: 'PUT /register/…/clock, then POST /token',
      response: status,
      note: (r) =>
        `The client first set the server’s clock for itself alone ${r.fastForward?.offsetSeconds ?? '?'} s ahead, past the assertion’s exp, then sent it; the server answered ${status(r)}.`,
    },
    replayed: {
      tone: 'neutral',
      requestData: 'POST /token twice, the same assertion',
      response: (r) => r.exchanges.map((e) => String(e.response.status)).join(', then '),
      note: (r) =>
        `The same request went twice: the first answer was ${r.exchanges[0]?.response.status ?? '?'}, the replay got ${status(r)}.`,
    },
  },
  validate: {
    accepted: {
      tone: 'ok',
      response: () => 'Yes',
      note: () =>
        'Every assertion check passed (subject, algorithm, signature, audience, lifetime, jti): the flow takes the Yes branch.',
    },
    refused: {
      tone: 'error',
      response: (r) => `No: ${errorLabel(r)}`,
      note: (r, trace) =>
        `The server refused the request (${r.error?.code ?? r.error?.status ?? 'no answer'}): the flow takes the No branch.${failedCheck(trace)}`,
    },
  },
  issue: {
    issued: {
      tone: 'ok',
      response: issuedResponse,
      note: (r, trace) => {
        const { scope, lifetime } = issuedToken(trace);
        return `The server issued a ${r.vars.token_type ?? ''} token${scope === undefined ? '' : ` for scope "${scope}"`}${lifetime === undefined ? '' : `, valid ${String(lifetime)} s`}: the same kind of token a secret would have got.`;
      },
    },
    refused: {
      tone: 'error',
      response: (r) => `Ended with ${errorLabel(r)}`,
      note: () => 'Instead of a token, the server answered with an error; access_token stays None.',
    },
  },
  'call-api': callApiText,
  end: {
    complete: {
      tone: 'ok',
      response: () => 'Process complete',
      note: () =>
        'Process complete: a signed assertion, not a secret, got the token that read the protected data.',
    },
    ...endFailureText,
  },
};
