import { expect, test } from '@playwright/test';
import * as oauth from 'oauth4webapi';

/**
 * A strict, standards-following OAuth client (oauth4webapi) against FlowLab: discovery, the
 * client credentials grant with both authentication methods, RFC 9068 token validation, the API.
 * FlowLab runs on http:// in tests, so each call passes oauth4webapi's allowInsecureRequests.
 */
const insecure = { [oauth.allowInsecureRequests]: true } as const;

async function discover(baseURL: string) {
  const issuer = new URL(baseURL);
  const res = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure });
  return oauth.processDiscoveryResponse(issuer, res);
}

test.describe('strict client (oauth4webapi)', () => {
  test('discovery names this server as issuer', async ({ baseURL }) => {
    const as = await discover(baseURL!);
    expect(as.issuer).toBe(baseURL);
    expect(as.token_endpoint).toBe(`${baseURL}/token`);
    expect(as.token_endpoint_auth_methods_supported).toEqual([
      'client_secret_basic',
      'client_secret_post',
      'private_key_jwt',
    ]);
  });

  test('resource discovery (RFC 9728) accepts the API’s metadata; nothing claims the origin', async ({
    baseURL,
  }) => {
    const resource = new URL(`${baseURL}/api`);
    const rs = await oauth.processResourceDiscoveryResponse(
      resource,
      await oauth.resourceDiscoveryRequest(resource, insecure),
    );
    expect(rs.resource).toBe(resource.href);
    expect(rs.authorization_servers).toEqual([baseURL]);
    const origin = new URL(baseURL!);
    const root = await oauth.resourceDiscoveryRequest(origin, insecure);
    expect(root.status).toBe(404);
  });

  for (const [name, auth] of [
    ['client_secret_basic', oauth.ClientSecretBasic('xyz')],
    ['client_secret_post', oauth.ClientSecretPost('xyz')],
  ] as const) {
    test(`grant with ${name}, an RFC 9068 token, and a call to /api/data`, async ({ baseURL }) => {
      const as = await discover(baseURL!);
      const client: oauth.Client = { client_id: 'abc' };
      const response = await oauth.clientCredentialsGrantRequest(
        as,
        client,
        auth,
        new URLSearchParams({ scope: 'data:read' }),
        insecure,
      );
      const result = await oauth.processClientCredentialsResponse(as, client, response);
      expect(result.token_type).toBe('bearer'); // oauth4webapi lower-cases it
      expect(result.expires_in).toBe(3600);
      expect(result.scope).toBe('data:read');
      expect(result.refresh_token).toBeUndefined();

      // validate it as a resource server would: typ at+jwt, signature from jwks_uri, iss, aud, exp, claims
      const resource = `${baseURL}/api`;
      const apiRequest = new Request(`${baseURL}/api/data`, {
        headers: { Authorization: `Bearer ${result.access_token}` },
      });
      const claims = await oauth.validateJwtAccessToken(as, apiRequest, resource, insecure);
      expect(claims).toMatchObject({
        iss: baseURL,
        aud: resource,
        sub: 'abc',
        client_id: 'abc',
        scope: 'data:read',
      });
      expect(typeof claims.jti).toBe('string');
      const header = JSON.parse(
        Buffer.from(result.access_token.split('.')[0]!, 'base64url').toString(),
      );
      expect(header.typ).toBe('at+jwt');

      const api = await oauth.protectedResourceRequest(
        result.access_token,
        'GET',
        new URL(`${baseURL}/api/data`),
        undefined,
        undefined,
        insecure,
      );
      expect(api.status).toBe(200);
      expect(await api.json()).toMatchObject({ client_id: 'abc', scope: 'data:read' });
    });
  }

  test('a wrong secret surfaces as invalid_client', async ({ baseURL }) => {
    const as = await discover(baseURL!);
    const client: oauth.Client = { client_id: 'abc123' };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic('wrong'),
      new URLSearchParams(),
      insecure,
    );
    const error = await oauth
      .processClientCredentialsResponse(as, client, response)
      .catch((e: unknown) => e);
    // a 401 carries a WWW-Authenticate challenge (RFC 9110 §15.5.2), so oauth4webapi reports the
    // challenge first; the OAuth error code is in the body of the same response
    expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    const challengeError = error as oauth.WWWAuthenticateChallengeError;
    expect(challengeError.status).toBe(401);
    expect(challengeError.cause[0]!.scheme).toBe('basic');
    expect((await challengeError.response.json()).error).toBe('invalid_client');
  });

  test('introspection and revocation through the strict client', async ({ baseURL }) => {
    const as = await discover(baseURL!);
    const client: oauth.Client = { client_id: 'myapp123' };
    const auth = oauth.ClientSecretBasic('secret456');
    const token = (
      await oauth.processClientCredentialsResponse(
        as,
        client,
        await oauth.clientCredentialsGrantRequest(
          as,
          client,
          auth,
          new URLSearchParams(),
          insecure,
        ),
      )
    ).access_token;
    const active = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, token, insecure),
    );
    expect(active).toMatchObject({ active: true, client_id: 'myapp123' });
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, auth, token, insecure),
    );
    const inactive = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, token, insecure),
    );
    expect(inactive.active).toBe(false);
  });
});
