/**
 * "Is this request the browser that registered this client?" for the learner's Challenges
 * routes: its `Authorization: Bearer` must be the client's registration access token. The
 * registration endpoint's own check decides (RFC 7592 §3), so the token is verified in one place.
 */
import 'server-only';
import { publicUrl } from '@/lib/oauth/context';
import { registrationPath } from '@/lib/protocol/paths';
import { getAuthServer } from './auth';

/**
 * Null when the request carries `clientId`'s registration access token, else the registration
 * endpoint's own `401` with its `WWW-Authenticate: Bearer` challenge (RFC 6750 §3: an error code
 * only when a bearer token was sent).
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-3
 */
export async function authorizeLearner(
  request: Request,
  clientId: string,
): Promise<Response | null> {
  const authorization = request.headers.get('authorization');
  const server = await getAuthServer();
  const read = new Request(new URL(registrationPath(clientId), publicUrl(request)), {
    headers: authorization === null ? {} : { authorization },
  });
  const res = await server.manageRegistration(read, clientId, 'read');
  return res.ok ? null : res;
}
