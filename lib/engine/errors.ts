/**
 * What each OAuth error code means in plain words, and the RFC section that defines it.
 * Token endpoint errors come from RFC 6749 §5.2; protected-resource errors from RFC 6750 §3.1.
 */

/** What an OAuth error code means, and the RFC section that defines it. */
export interface ErrorExplanation {
  readonly meaning: string;
  /** e.g. "RFC 6749 §5.2". */
  readonly rfc: string;
  readonly url: string;
}

const rfc6749 = (section: string) => `https://www.rfc-editor.org/rfc/rfc6749#section-${section}`;
const rfc6750 = (section: string) => `https://www.rfc-editor.org/rfc/rfc6750#section-${section}`;

/** The token endpoint's error codes (RFC 6749 §5.2). */
const tokenExplanations: Readonly<Record<string, ErrorExplanation>> = {
  invalid_request: {
    meaning:
      'The request itself is malformed: a required parameter is missing, a parameter is repeated, the body is not form-encoded, or the client used more than one way to authenticate.',
    rfc: 'RFC 6749 §5.2',
    url: rfc6749('5.2'),
  },
  invalid_client: {
    meaning:
      'Client authentication failed: the client is unknown, it sent no credentials or used a method it is not registered for, or its secret is wrong. No token is issued.',
    rfc: 'RFC 6749 §5.2',
    url: rfc6749('5.2'),
  },
  invalid_grant: {
    meaning: 'The grant presented is invalid, expired or revoked.',
    rfc: 'RFC 6749 §5.2',
    url: rfc6749('5.2'),
  },
  unauthorized_client: {
    meaning:
      'The client authenticated correctly but is not allowed to use this grant type (here: client_credentials).',
    rfc: 'RFC 6749 §5.2',
    url: rfc6749('5.2'),
  },
  unsupported_grant_type: {
    meaning: 'The server does not support the grant_type the client asked for.',
    rfc: 'RFC 6749 §5.2',
    url: rfc6749('5.2'),
  },
  invalid_scope: {
    meaning: 'The requested scope is unknown, malformed, or more than this client may have.',
    rfc: 'RFC 6749 §5.2',
    url: rfc6749('5.2'),
  },
};

/** The protected API's error codes (RFC 6750 §3.1). */
const apiExplanations: Readonly<Record<string, ErrorExplanation>> = {
  invalid_request: {
    meaning:
      'The request itself is malformed: the Authorization header is not a well-formed Bearer header, or the token was sent in more than one place or outside the Authorization header.',
    rfc: 'RFC 6750 §3.1',
    url: rfc6750('3.1'),
  },
  invalid_token: {
    meaning:
      'The API rejected the access token: it is malformed, its signature does not match the server’s keys, it was not meant for this API (its iss is not this authorization server, its aud is not this API, or its typ is not at+jwt, so it is not an access token), it is expired or not yet valid, or it was revoked.',
    rfc: 'RFC 6750 §3.1',
    url: rfc6750('3.1'),
  },
  insufficient_scope: {
    meaning:
      'The token is genuine but its scope does not cover this endpoint (GET /api/data needs data:read).',
    rfc: 'RFC 6750 §3.1',
    url: rfc6750('3.1'),
  },
};

const explanations = { token: tokenExplanations, api: apiExplanations } as const;

const noCredentials: ErrorExplanation = {
  meaning: 'The request carried no token at all, so the API answers with a bare Bearer challenge.',
  rfc: 'RFC 6750 §3',
  url: rfc6750('3'),
};

/** invalid_client for a request that authenticated with a client assertion (private_key_jwt). */
const invalidAssertion: ErrorExplanation = {
  meaning:
    'Client authentication failed: the client is unknown or not registered for private_key_jwt, or its client assertion did not check out (its signature, iss and sub, aud, exp, or a jti already used, RFC 7523 §3). No token is issued.',
  rfc: 'RFC 7523 §3',
  url: 'https://www.rfc-editor.org/rfc/rfc7523#section-3',
};

const tooMany: ErrorExplanation = {
  meaning:
    'Too many failed attempts for this client in a short time; wait for Retry-After seconds.',
  rfc: 'RFC 6585 §4',
  url: 'https://www.rfc-editor.org/rfc/rfc6585#section-4',
};

/**
 * The explanation for an error code from the token endpoint or the API, or for a bare status when
 * there is no code. `assertion`: the request authenticated with a client assertion, so an
 * invalid_client is about the assertion, not a secret.
 */
export function explainError(
  source: keyof typeof explanations,
  code: string | undefined,
  status: number,
  assertion = false,
): ErrorExplanation | undefined {
  if (source === 'token' && code === 'invalid_client' && assertion) return invalidAssertion;
  const table = explanations[source];
  if (code && Object.hasOwn(table, code)) return table[code];
  if (status === 429) return tooMany;
  if (status === 401 && !code) return noCredentials;
  return undefined;
}
