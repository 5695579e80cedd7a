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
      'The client puts together what it needs to prove who it is: its client_id and client_secret, and grant_type=client_credentials to say which grant it wants. No user is involved, so these credentials are the whole story. The client sends them in an HTTP Basic Authorization header, the method every server MUST support; RFC 6749 §2.3.1 lets a server also accept them as form fields in the body (grant_type=client_credentials&client_id=abc&client_secret=xyz, the body-credentials scenario), but calls that NOT RECOMMENDED.',
    requestData: 'Authorization: Basic YWJjOnh5eg== + grant_type=client_credentials',
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
      'On Yes, the server answers 200 with a JSON body: access_token (here a signed JWT) and token_type "Bearer", both REQUIRED; expires_in in seconds, RECOMMENDED; and scope, OPTIONAL when it is the scope the client asked for (FlowLab always sends both). It also says Cache-Control: no-store, so no cache or proxy keeps the credential. On No, it answers 400 or 401 with an error code and, OPTIONALLY, an error_description, and no token exists.',
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
      'The client keeps the token and reuses it for its API calls until shortly before expires_in runs out, then asks for a new one the same way. RFC 6749 §4.4.3 says a refresh token SHOULD NOT be included in this grant: the client can always authenticate again by itself.',
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
      'The client calls the protected API with Authorization: Bearer <access_token>. The API validates the self-contained JWT locally: the signature against the server’s published keys, the token type, issuer, audience and expiry, and whether its scope covers the endpoint. Local validation alone cannot reveal a revocation: FlowLab’s API also refuses revoked tokens only because it shares the authorization server’s state. A separate API would ask the server (introspection, RFC 7662) or rely on short token lifetimes.',
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
