/**
 * What credentials a token, introspection or revocation request presents, and how: HTTP Basic
 * (client_secret_basic), body parameters (client_secret_post) or a client assertion
 * (private_key_jwt); never more than one. Records the `client-auth` check.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3
 * @see https://www.rfc-editor.org/rfc/rfc7521#section-4.2
 */
import { decodeBasicAuthorization, type BasicProblem } from '../protocol/basic';
import { TWO_METHODS_DETAIL } from '../protocol/checks';
import { CLIENT_ASSERTION_TYPE } from '../protocol/client-assertion';
import { OAuthError } from './errors';
import type { FormParams } from './form';
import type { CheckRecorder } from './check-recorder';
import type { CoreRequest } from './http';

/** The client authentication methods FlowLab supports, as named in RFC 8414 metadata. */
export const CLIENT_AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
] as const;
/**
 * A client authentication method FlowLab supports.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 */
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** The credentials a request presented, and how. */
export type PresentedCredentials =
  | {
      readonly method: 'client_secret_basic' | 'client_secret_post';
      readonly clientId: string;
      readonly clientSecret: string;
    }
  | {
      readonly method: 'private_key_jwt';
      /** The body's client_id, when sent (it must then be the assertion's sub). */
      readonly clientId: string | undefined;
      readonly assertion: string;
    };

function malformed(description: string): OAuthError {
  return new OAuthError('invalid_request', description, 400);
}

/** What the server answers for each way a Basic header can be malformed. */
const basicProblemText: Readonly<Record<BasicProblem, string>> = {
  'not-base64': 'The Basic authorization header is not valid base64.',
  'not-utf8': 'The Basic authorization header does not decode to UTF-8 text.',
  'no-colon': 'The Basic authorization header has no colon between client_id and client_secret.',
  'bad-escape': 'The Basic authorization header has a malformed percent-escape.',
  'empty-client-id': 'The Basic authorization header has an empty client_id.',
};

/**
 * The one set of credentials the request presents; throws `invalid_request` for two methods at
 * once or a malformed one, `invalid_client` (from `invalidClient`) for none or a foreign scheme.
 */
export function presentedCredentials(
  request: CoreRequest,
  params: FormParams,
  checks: CheckRecorder,
  invalidClient: (d: string) => OAuthError,
): PresentedCredentials {
  const authorization = request.headers.get('authorization');
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  if (bodyId !== undefined) checks.clientId = bodyId;
  const assertion = params.get('client_assertion');
  const assertionType = params.get('client_assertion_type');
  if (assertion !== undefined || assertionType !== undefined) {
    // RFC 6749 §2.3: a client MUST NOT use more than one authentication method in a request
    if (authorization !== null || bodySecret !== undefined) {
      throw checks.fail(
        'client-auth',
        malformed(
          `The client used two authentication methods (a client assertion and ${authorization !== null ? 'an Authorization header' : 'a client_secret'}); use one.`,
        ),
        TWO_METHODS_DETAIL,
      );
    }
    // RFC 7521 §4.2: both parameters are REQUIRED; an unknown type is not understood
    if (assertionType === undefined) {
      throw checks.fail('client-auth', malformed('client_assertion_type is missing.'));
    }
    if (assertionType !== CLIENT_ASSERTION_TYPE) {
      throw checks.fail(
        'client-auth',
        malformed(`This client_assertion_type is not supported; use ${CLIENT_ASSERTION_TYPE}.`),
      );
    }
    if (assertion === undefined || assertion === '') {
      throw checks.fail('client-auth', malformed('client_assertion is missing.'));
    }
    checks.credential = { kind: 'token', value: assertion };
    return { method: 'private_key_jwt', clientId: bodyId, assertion };
  }

  if (authorization !== null) {
    const basic = decodeBasicAuthorization(authorization);
    if (basic === null) {
      throw checks.fail(
        'client-auth',
        invalidClient(
          'The Authorization header takes only the Basic scheme here (client_secret_basic); or send the credentials in the body, or a client assertion.',
        ),
      );
    }
    if (!basic.ok) {
      throw checks.fail('client-auth', malformed(basicProblemText[basic.problem]));
    }
    checks.clientId = basic.clientId;
    if (bodySecret !== undefined) {
      throw checks.fail(
        'client-auth',
        malformed(
          'The client used two authentication methods (Basic header and client_secret in the body); use one.',
        ),
        TWO_METHODS_DETAIL,
      );
    }
    if (bodyId !== undefined && bodyId !== basic.clientId) {
      throw checks.fail(
        'client-auth',
        malformed('The client_id in the body differs from the one in the Basic header.'),
      );
    }
    return {
      method: 'client_secret_basic',
      clientId: basic.clientId,
      clientSecret: basic.clientSecret,
    };
  }
  if (bodySecret !== undefined && bodyId === undefined) {
    throw checks.fail('client-auth', malformed('client_secret is sent without client_id.'));
  }
  if (bodyId === undefined || bodySecret === undefined) {
    throw checks.fail(
      'client-auth',
      invalidClient(
        'Client authentication is required: send client_id and client_secret with HTTP Basic or in the form body, or a client assertion (private_key_jwt).',
      ),
    );
  }
  return { method: 'client_secret_post', clientId: bodyId, clientSecret: bodySecret };
}
