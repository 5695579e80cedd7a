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
 * Null when the request carries `clientId`'s registration access token, else the `401`
 * `invalid_token` answer with its `WWW-Authenticate: Bearer` challenge (RFC 6750 §3).
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-3
 */
export async function authorizeLearner(
  request: Request,
  clientId: string,
): Promise<Response | null> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null && clientId.length <= 200) {
    const server = await getAuthServer();
    const read = new Request(new URL(registrationPath(clientId), publicUrl(request)), {
      headers: { authorization },
    });
    const res = await server.manageRegistration(read, clientId, 'read');
    if (res.ok) return null;
    if (res.status >= 500) return res;
  }
  return Response.json(
    {
      error: 'invalid_token',
      error_description: 'Send the registration access token of this client.',
    },
    {
      status: 401,
      headers: {
        'Cache-Control': 'no-store',
        'WWW-Authenticate': 'Bearer realm="FlowLab", error="invalid_token"',
      },
    },
  );
}
