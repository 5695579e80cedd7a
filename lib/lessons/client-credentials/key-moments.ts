import type { StepId } from './steps';
import type { KeyMoment } from '../types';
import type { ScenarioId } from './scenarios';

/** The three insights learners need most, each tied to the steps that show it. */
export const keyMoments: readonly KeyMoment<StepId, ScenarioId>[] = [
  {
    id: 'why-credentials',
    question: 'Why does the client send its client_id and client_secret with the token request?',
    answer:
      "They are how the client proves who it is. There is no user to sign in, so the only identity the authorization server can check is the application's own: in step 2 the credentials travel to the token endpoint (in an HTTP Basic Authorization header, the method to prefer, or as form fields, which RFC 6749 §2.3.1 marks NOT RECOMMENDED), and in step 3 the server looks the client up and compares the secret before deciding anything else.",
    stepIds: ['send', 'validate'],
  },
  {
    id: 'invalid-credentials',
    question: 'What happens if the credentials are invalid?',
    answer:
      'The server takes the "No" branch of its decision: instead of a token it returns an error response with error "invalid_client" (RFC 6749 §5.2). Its status is 400 by default; a server MAY answer 401, and MUST answer 401 with a WWW-Authenticate header when the client authenticated in the Authorization header. FlowLab always answers 401. No access token is issued, so access_token stays None and the client has nothing to call the API with. Run the wrong-secret scenario and watch step 3 turn red.',
    stepIds: ['validate', 'issue'],
    scenario: 'wrong-secret',
  },
  {
    id: 'why-use-token',
    question: 'Why does the client send the access token, and not its secret, to the API?',
    answer:
      'The token is the proof of access the API understands. In step 6 the client puts it in the Authorization header as a Bearer token; the API checks the token (signature, issuer, audience, expiry, scope) and returns the protected data. The secret never leaves the conversation with the authorization server, and the token is short-lived and limited to the scopes granted.',
    stepIds: ['receive', 'call-api'],
  },
];
