/**
 * A task's examples as the blocks its page shows: curl lines built by the same request builders
 * the lesson sends with, from the learner's own client at the page's origin, so what the learner
 * copies is a request FlowLab would grade; and, for a key of the learner's own, the claims their
 * code is to sign. Whatever the learner alone has (their token, public key, signed assertion, and
 * before the page follows their client its id) stands as a placeholder they replace.
 */
import type { HttpRequestRecord } from '../protocol/records';
import { shellQuote, toCurl } from '../protocol/render';
import { PRIVATE_KEY_JWT } from '../protocol/client-assertion';
import { TOKEN_PATH, endpointUrl } from '../protocol/paths';
import {
  buildApiRequest,
  buildIntrospectRequest,
  buildRegisterRequest,
  buildRevokeRequest,
  buildTokenRequest,
} from '../protocol/requests';
import type { ChallengeExample, ChallengeSample } from './types';

/** What stands for the access token in an example: the learner pastes theirs. */
export const TOKEN_PLACEHOLDER = 'ACCESS_TOKEN';
/** What stands for the client_id until the page follows the learner's own client. */
export const CLIENT_ID_PLACEHOLDER = 'CLIENT_ID';
/** What stands for the client assertion (the JWT) the learner's own code signed. */
export const ASSERTION_PLACEHOLDER = 'CLIENT_ASSERTION';
/** The `kid` of the example key, named alike in the registered JWK and the assertion's header. */
const EXAMPLE_KID = 'my-key';

/**
 * A learner's client as the examples use it; `clientSecret` only for a client with a secret
 * (examples that send one render only with it).
 */
export interface ExampleClient {
  readonly clientId: string;
  readonly clientSecret?: string;
}

/** One block of a task's examples: a curl line to run, or text to build in the learner's code. */
export interface ExampleBlock {
  /** What the block is, as its label reads (`Command 1`, `Claims to sign`). */
  readonly label: string;
  /** What the copy button copies. */
  readonly text: string;
  /** A line under it, not copied. */
  readonly note?: string;
}

const authOf = { basic: 'basic', body: 'body', both: 'both' } as const;

/**
 * The request record of one request example, or null for the assertion claims (no request) and
 * for an example that sends a secret when the client has none.
 */
export function exampleRequest(
  example: ChallengeExample,
  client: ExampleClient | undefined,
  origin: string,
): HttpRequestRecord | null {
  const clientId = client?.clientId ?? CLIENT_ID_PLACEHOLDER;
  const secret = client?.clientSecret;
  switch (example.kind) {
    case 'api':
      return buildApiRequest(TOKEN_PLACEHOLDER, origin);
    case 'register-key':
      // the shape of a public EC P-256 JWK; the learner's code puts its own x and y (RFC 7517 §4)
      return buildRegisterRequest(
        {
          token_endpoint_auth_method: PRIVATE_KEY_JWT,
          jwks: {
            keys: [{ kty: 'EC', crv: 'P-256', x: 'YOUR_KEY_X', y: 'YOUR_KEY_Y', kid: EXAMPLE_KID }],
          },
          client_name: 'my own signer',
        },
        origin,
      );
    case 'assertion-token':
      return buildTokenRequest(
        {
          clientId,
          clientSecret: '',
          scope: '',
          authMethod: PRIVATE_KEY_JWT,
          clientAssertion: ASSERTION_PLACEHOLDER,
          contentType: 'form',
          grantType: 'client_credentials',
        },
        origin,
      );
    case 'assertion-claims':
      return null;
  }
  if (secret === undefined) return null;
  switch (example.kind) {
    case 'token':
      return buildTokenRequest(
        {
          clientId,
          clientSecret: secret,
          scope: example.scope ?? '',
          authMethod: authOf[example.auth],
          contentType: 'form',
          grantType: 'client_credentials',
        },
        origin,
      );
    case 'introspect':
      return buildIntrospectRequest(TOKEN_PLACEHOLDER, { clientId, clientSecret: secret }, origin);
    case 'revoke':
      return buildRevokeRequest(TOKEN_PLACEHOLDER, { clientId, clientSecret: secret }, origin);
  }
}

/**
 * The header and claims of a client assertion for this client at this server (RFC 7523 §3):
 * iss and sub the client_id, aud the token endpoint URL; the times and the jti are the signing
 * code's own, so they stand as `<...>`.
 */
function assertionClaimsBlock(clientId: string, origin: string): ExampleBlock {
  const id = JSON.stringify(clientId);
  const aud = JSON.stringify(endpointUrl(origin, TOKEN_PATH));
  return {
    label: 'Claims to sign',
    text: [
      `header: ${JSON.stringify({ alg: 'ES256', kid: EXAMPLE_KID })}`,
      `claims: {"iss":${id},"sub":${id},"aud":${aud},"iat":<now>,"exp":<now + 60>,"jti":"<a new random id>"}`,
    ].join('\n'),
    note: `aud may also be the issuer, ${origin}. Sign them with the private key of the kid you registered: the JWT is your client_assertion.`,
  };
}

/** The blocks of a task's examples (`curl -i`, so the learner sees status and headers). */
export function exampleBlocks(
  examples: readonly ChallengeExample[],
  client: ExampleClient | undefined,
  origin: string,
): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  let commands = 0;
  for (const example of examples) {
    if (example.kind === 'assertion-claims') {
      blocks.push(assertionClaimsBlock(client?.clientId ?? CLIENT_ID_PLACEHOLDER, origin));
      continue;
    }
    const request = exampleRequest(example, client, origin);
    if (!request) continue;
    const text = toCurl(request).replace(/^curl /, 'curl -i ');
    blocks.push({ label: `Command ${++commands}`, text });
  }
  return blocks;
}

/** Where FlowLab serves a lesson's sample program. */
export const samplePath = (file: string) => `/examples/${encodeURIComponent(file)}`;

/** What stands for the client secret in the sample's command until the page has one. */
export const CLIENT_SECRET_PLACEHOLDER = 'CLIENT_SECRET';

/**
 * The sample program's blocks: the command that fetches it from this server, and the one that
 * runs it against this server with the learner's client.
 */
export function sampleBlocks(
  sample: ChallengeSample,
  client: ExampleClient | undefined,
  origin: string,
): ExampleBlock[] {
  const values: Record<string, string> = {
    file: sample.file,
    origin,
    client_id: client?.clientId ?? CLIENT_ID_PLACEHOLDER,
    client_secret: client?.clientSecret ?? CLIENT_SECRET_PLACEHOLDER,
  };
  const word = (w: string) =>
    shellQuote(w.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all));
  return [
    {
      label: 'Download command',
      text: `curl -fO ${shellQuote(endpointUrl(origin, samplePath(sample.file)))}`,
    },
    { label: 'Run command', text: sample.run.map(word).join(' '), note: sample.note },
  ];
}
