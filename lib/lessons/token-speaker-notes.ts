import type { StepNotes } from './types';

/**
 * Speaker notes for the outcomes every token lesson shares: the token endpoint's refusal, the API
 * call that cannot be made or is refused, and the two ways the flow can end badly. The lessons'
 * own notes say what is particular to their steps.
 */

/** The token endpoint answered with an error response instead of a token. */
export const issueRefusedNotes: StepNotes = {
  say: [
    'No token this time: the server answers with an error response, a JSON object with error and usually error_description (RFC 6749 §5.2).',
    'The status says which kind. In FlowLab: 401 for invalid_client, the client could not be authenticated (RFC 6749 §5.2 makes 400 the default and requires 401 after an Authorization header); 429 with Retry-After for a lockout or the assertion limit; 400 for the other error codes.',
  ],
  point: [
    'The exchange line: the status the server answered.',
    'The error explanation under it: the error code, its error_description and what they mean.',
  ],
};

/** The notes of the shared API step's failures. */
export const callApiFailureNotes = {
  skipped: {
    say: [
      'There is no token, so there is nothing to call the API with: the client skips the call.',
      'The API never sees this run; everything that went wrong happened between the client and the authorization server.',
    ],
    point: ['The narration: the call is skipped.', 'The feed: no API row for this run.'],
  },
  refused: {
    say: [
      'The API refuses the token: 401 invalid_token when it is expired, revoked, its client’s registration is gone, or its signature does not verify; 403 insufficient_scope when it is valid but lacks the scope this endpoint needs (RFC 6750 §3.1).',
      'The refusal carries a WWW-Authenticate: Bearer header naming the error, so the client can tell whether to get a new token or a token with more scope.',
    ],
    point: [
      'The exchange line: GET /api/data and the 401 or 403.',
      'The red check in the API row of the feed.',
    ],
  },
} as const satisfies Record<'skipped' | 'refused', StepNotes>;

/** The notes of the shared end step's failures. */
export const endFailureNotes = {
  'token-failed': {
    say: [
      'The flow ended on the No branch: no token, and no API call.',
      'Sending the same request again fails the same way: the client has to fix what the error names (its credentials, its assertion or its request), then ask again.',
    ],
    point: ['The path lit in the diagram: through the No branch to the error response.'],
  },
  'api-failed': {
    say: [
      'The client got a token, but the API refused it: both servers did their job.',
      'An expired or revoked token is fixed by asking for a new one (a client whose registration was deleted or lapsed must register again first); a token without the scope needs a client that is allowed that scope; an edited token is a bug or an attack, never something to retry.',
    ],
    point: ['The diagram: the token path lit, then the API’s refusal.'],
  },
} as const satisfies Record<'token-failed' | 'api-failed', StepNotes>;
