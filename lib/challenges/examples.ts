/**
 * A task's example requests as curl lines, built by the same request builders the lesson sends
 * with, from the learner's own client at the page's origin, so what the learner copies is a
 * request FlowLab would grade.
 */
import type { HttpRequestRecord } from '../protocol/records';
import { toCurl } from '../protocol/render';
import {
  buildApiRequest,
  buildIntrospectRequest,
  buildRevokeRequest,
  buildTokenRequest,
} from '../protocol/requests';
import type { ChallengeExample } from './types';

/** What stands for the access token in an example: the learner pastes theirs. */
export const TOKEN_PLACEHOLDER = 'ACCESS_TOKEN';

/** A learner's client as the examples use it. */
export interface ExampleClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

const authOf = { basic: 'basic', body: 'body', both: 'both' } as const;

/** The request record of one example. */
export function exampleRequest(
  example: ChallengeExample,
  client: ExampleClient,
  origin: string,
): HttpRequestRecord {
  switch (example.kind) {
    case 'token':
      return buildTokenRequest(
        {
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          scope: example.scope ?? '',
          authMethod: authOf[example.auth],
          contentType: 'form',
          grantType: 'client_credentials',
        },
        origin,
      );
    case 'api':
      return buildApiRequest(TOKEN_PLACEHOLDER, origin);
    case 'introspect':
      return buildIntrospectRequest(TOKEN_PLACEHOLDER, client, origin);
    case 'revoke':
      return buildRevokeRequest(TOKEN_PLACEHOLDER, client, origin);
  }
}

/** The curl lines of a task's examples (`-i` so the learner sees status and headers). */
export function exampleCurls(
  examples: readonly ChallengeExample[],
  client: ExampleClient,
  origin: string,
): string[] {
  return examples.map((e) =>
    toCurl(exampleRequest(e, client, origin)).replace(/^curl /, 'curl -i '),
  );
}
