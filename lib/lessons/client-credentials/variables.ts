import type { TrackedVariable } from '../types';

/** The values the variable tracker follows from step to step (`None` until a step sets them). */
export const variables: readonly TrackedVariable[] = [
  {
    name: 'client_id',
    description: 'The client’s public identifier, registered at the authorization server.',
  },
  {
    name: 'client_secret',
    description: 'The client’s password. It proves the client is who client_id says.',
  },
  {
    name: 'access_token',
    description:
      'The token the server issued (a signed JWT here). Stays None when no token was issued.',
  },
  {
    name: 'token_type',
    description:
      'How to present the token: "Bearer", in the Authorization header. The value is case-insensitive.',
  },
  {
    name: 'expires_in',
    description:
      'Seconds the token stays valid from when the response was generated. RECOMMENDED, not required: a server may leave it out.',
  },
  {
    name: 'http_status',
    description: 'The status code of the last HTTP response the client received.',
  },
  {
    name: 'api_response',
    description: 'What the protected API answered (its data, or its error).',
  },
];
