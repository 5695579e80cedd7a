import type { AuthMethodComparison, ComparedMethodId } from '@/lib/lessons/auth-methods';
import type { HttpRequestRecord } from '@/lib/protocol/records';
import type { AuthMethod } from '@/lib/protocol/auth-methods';
import { buildTokenRequest, type TokenRequestSettings } from '@/lib/protocol/requests';

/** How each compared method is spelled in the request builder's settings. */
export const builderMethod: Readonly<Record<ComparedMethodId, AuthMethod>> = {
  client_secret_basic: 'basic',
  client_secret_post: 'body',
  private_key_jwt: 'private_key_jwt',
};

/** The part every method shares: the client credentials grant, default scope, a form body. */
const sameRequest = {
  scope: '',
  contentType: 'form',
  grantType: 'client_credentials',
} as const satisfies Partial<TokenRequestSettings>;

/**
 * The token request of a secret method (client_secret_basic or client_secret_post), exactly as
 * sent: the comparison's demo client, its secret in a header or in the body.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function secretMethodRequest(
  id: Exclude<ComparedMethodId, 'private_key_jwt'>,
  client: AuthMethodComparison['secretClient'],
  origin: string,
): HttpRequestRecord {
  return buildTokenRequest({ ...sameRequest, ...client, authMethod: builderMethod[id] }, origin);
}

/**
 * The private_key_jwt token request, exactly as sent: the learner's own client_id and an
 * assertion this browser signed with its private key; no secret.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 */
export function keyMethodRequest(
  clientId: string,
  clientAssertion: string,
  origin: string,
): HttpRequestRecord {
  return buildTokenRequest(
    {
      ...sameRequest,
      clientId,
      clientSecret: '',
      clientAssertion,
      authMethod: builderMethod.private_key_jwt,
    },
    origin,
  );
}
