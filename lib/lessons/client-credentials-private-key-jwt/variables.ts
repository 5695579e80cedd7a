import type { TrackedVariable } from '../types';

/** The values the variable tracker follows through the private_key_jwt run. */
export const variables = [
  { name: 'kid', description: 'The public key’s id: its RFC 7638 thumbprint.' },
  { name: 'client_id', description: 'This browser’s registered client, named in iss and sub.' },
  { name: 'aud', description: 'Who the assertion is for: this server’s token endpoint.' },
  { name: 'iat', description: 'When the assertion was made (epoch seconds).' },
  { name: 'exp', description: 'When the assertion stops being valid (epoch seconds).' },
  { name: 'jti', description: 'The assertion’s one-time id; a second use is a replay.' },
  { name: 'client_assertion', description: 'The signed JWT sent instead of a secret.' },
  { name: 'http_status', description: 'The status of the last answer.' },
  { name: 'access_token', description: 'The token the server issued.' },
  { name: 'token_type', description: 'How to present it: Bearer.' },
  { name: 'expires_in', description: 'Seconds the access token is valid.' },
  { name: 'api_response', description: 'What the protected API answered.' },
] as const satisfies readonly TrackedVariable[];
