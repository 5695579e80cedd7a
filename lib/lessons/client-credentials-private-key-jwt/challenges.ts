import type { ChallengeSpec } from '../../challenges/types';

/**
 * The private_key_jwt lesson's challenges (RFC 7523): register a key of one's own, authenticate
 * with an assertion signed by one's own code, then replay it and read the error.
 */
export const challenges: ChallengeSpec = {
  client: 'own-key',
  sample: {
    file: 'private_key_jwt.mjs',
    run: ['node', '{file}', '--replay', '{origin}'],
    note: 'Makes a key pair, registers its public key, signs an assertion, gets a token, calls the API and replays the assertion: every task, for the new client it prints. Give this page that client_id and registration_access_token to see them checked off. Needs Node.js 20 or later, nothing else.',
  },
  tasks: [
    {
      id: 'register-key',
      title: 'Register your own public key',
      todo: 'Generate a key pair in your own code, register the public key (POST /register with token_endpoint_auth_method private_key_jwt and your jwks), then send /token an assertion signed with the private key.',
      hint: 'Only the public JWK goes to the server (kty, crv, x, y for EC P-256). The task passes once the server verified an assertion signature with the key you registered, even if it refused the assertion for another reason.',
      rfc: { label: 'RFC 7591 §2', href: 'https://www.rfc-editor.org/rfc/rfc7591#section-2' },
      rule: {
        kind: 'request',
        match: {
          endpoint: 'token',
          authMethod: 'private_key_jwt',
          passedCheck: 'assertion-signature',
        },
      },
      examples: [
        { kind: 'register-key' },
        { kind: 'assertion-claims' },
        { kind: 'assertion-token' },
      ],
    },
    {
      id: 'assertion-token',
      title: 'Get a token with an assertion your code signed',
      todo: 'Sign a client assertion (iss and sub = your client_id, aud = the issuer, a unique jti, exp a minute ahead) and exchange it at /token for an access token.',
      hint: 'Send client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and client_assertion=<the JWT>, no client_secret. Each request needs a new assertion (a new jti). The lesson’s Syntax & examples page shows a whole request your browser signed.',
      rfc: { label: 'RFC 7523 §2.2', href: 'https://www.rfc-editor.org/rfc/rfc7523#section-2.2' },
      rule: {
        kind: 'request',
        match: { endpoint: 'token', status: 200, authMethod: 'private_key_jwt' },
      },
      examples: [{ kind: 'assertion-claims' }, { kind: 'assertion-token' }],
    },
    {
      id: 'replay-assertion',
      title: 'Replay the assertion and read the error',
      todo: 'Send the very same client assertion to /token a second time.',
      hint: 'The server remembers each assertion’s jti until it expires: the second use is refused with 401 invalid_client, so a captured assertion is worth nothing.',
      rfc: { label: 'RFC 7523 §3', href: 'https://www.rfc-editor.org/rfc/rfc7523#section-3' },
      rule: {
        kind: 'request',
        // a replay, and only a replay: a missing or malformed jti fails assertion-jti-claim
        match: { endpoint: 'token', error: 'invalid_client', failedCheck: 'assertion-jti' },
      },
      examples: [{ kind: 'assertion-token' }],
    },
  ],
};
