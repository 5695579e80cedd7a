import type { LessonStep } from '../types';

/** The lesson's step ids, in order: every table keyed by step is keyed by this union. */
export const stepIds = [
  'prepare',
  'send',
  'validate',
  'issue',
  'receive',
  'call-api',
  'end',
] as const;

/** One step id of the client credentials lesson. */
export type StepId = (typeof stepIds)[number];

/** Narrows any string (a lesson step's id read as `string`) to a step id of this lesson. */
export function isStepId(value: string): value is StepId {
  return (stepIds as readonly string[]).includes(value);
}

/**
 * The seven stops of the step-through, one row each of the execution table. The request, response
 * and validation columns describe the happy path with the lesson's example client (abc / xyz);
 * the live run replaces them with what the server really sent.
 */
export const steps = [
  {
    id: 'prepare',
    number: 1,
    actor: 'client',
    title: 'Client prepares the POST request',
    narration:
      'The client puts together what it needs to prove who it is: its client_id and client_secret, and grant_type=client_credentials to say which grant it wants. No user is involved, so these credentials are the whole story. Every server must accept them in an HTTP Basic Authorization header; sending them as form fields in the body is an optional alternative.',
    requestData: 'grant_type=client_credentials&client_id=abc&client_secret=xyz',
    validation: 'N/A',
    response: 'N/A',
    flowNode: 'prepare',
  },
  {
    id: 'send',
    number: 2,
    actor: 'client',
    title: 'Client sends the POST request to the auth server',
    narration:
      'The client POSTs the form-encoded request to the token endpoint, /token. The body must be application/x-www-form-urlencoded (not JSON), and the call must go over HTTPS outside a local demo, because it carries a secret.',
    requestData: 'Same as above',
    validation: 'Server reads client_id and client_secret',
    response: 'N/A',
    flowNode: 'send',
  },
  {
    id: 'validate',
    number: 3,
    actor: 'auth-server',
    title: 'Auth server validates the credentials',
    narration:
      'The authorization server checks the request: is it a well-formed form POST, is the client registered, does the secret match (compared in constant time), is this client allowed the client_credentials grant, and is the requested scope allowed? This is the decision point of the flow: Yes leads to a token, No to an error.',
    requestData: 'N/A',
    validation: 'Credentials valid?',
    response: 'Yes',
    flowNode: 'validate',
  },
  {
    id: 'issue',
    number: 4,
    actor: 'auth-server',
    title: 'Auth server issues an access token',
    narration:
      'On Yes, the server answers 200 with a JSON body: access_token (here a signed JWT), token_type "Bearer", expires_in in seconds, and the granted scope. It also says Cache-Control: no-store, since the token is a credential. On No, it answers 400 or 401 with error and error_description instead, and no token exists.',
    requestData: 'N/A',
    validation: 'N/A',
    response: '{"access_token":"eyJ…","token_type":"Bearer","expires_in":3600,"scope":"data:read"}',
    flowNode: 'issue',
  },
  {
    id: 'receive',
    number: 5,
    actor: 'client',
    title: 'Client receives and stores the access token',
    narration:
      'The client keeps the token for its API calls until expires_in runs out, then asks for a new one the same way: this grant has no refresh token, because the client can always authenticate again by itself.',
    requestData: 'N/A',
    validation: 'N/A',
    response: 'Token stored for API calls',
    flowNode: 'store',
  },
  {
    id: 'call-api',
    number: 6,
    actor: 'client',
    title: 'Client uses the token to call the API',
    narration:
      'The client calls the protected API with Authorization: Bearer <access_token>. The API checks the token on its own: the signature against the server’s published keys, the token type, issuer, audience, expiry, whether it was revoked, and whether its scope covers the endpoint.',
    requestData: 'Authorization: Bearer eyJ…',
    validation: 'API checks the token and its scope',
    response: 'API response data',
    flowNode: 'call-api',
  },
  {
    id: 'end',
    number: 7,
    actor: 'client',
    title: 'End',
    narration:
      'The exchange is complete: the client got a token by proving its own identity and used it to read protected data. When the token expires, the client simply repeats steps 1 to 5.',
    requestData: 'N/A',
    validation: 'N/A',
    response: 'Process complete',
    flowNode: 'api-data',
  },
] as const satisfies readonly LessonStep<StepId>[];
