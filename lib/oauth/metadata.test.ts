import { describe, expect, it } from 'vitest';
import { makeServer } from './test-support';

describe('discovery documents', () => {
  it('RFC 8414 metadata names every endpoint under the request origin', async () => {
    const t = await makeServer();
    const res = t.server.authorizationServerMetadata(
      new Request('http://127.0.0.1:3101/.well-known/oauth-authorization-server'),
    );
    const m = await res.json();
    const methods = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'];
    const algs = ['ES256', 'ES384', 'PS256', 'RS256', 'Ed25519', 'EdDSA'];
    expect(m).toMatchObject({
      issuer: 'http://127.0.0.1:3101',
      token_endpoint: 'http://127.0.0.1:3101/token',
      jwks_uri: 'http://127.0.0.1:3101/.well-known/jwks.json',
      introspection_endpoint: 'http://127.0.0.1:3101/introspect',
      revocation_endpoint: 'http://127.0.0.1:3101/revoke',
      grant_types_supported: ['client_credentials'],
      registration_endpoint: 'http://127.0.0.1:3101/register',
      token_endpoint_auth_methods_supported: methods,
      introspection_endpoint_auth_methods_supported: methods,
      revocation_endpoint_auth_methods_supported: methods,
      token_endpoint_auth_signing_alg_values_supported: algs,
      introspection_endpoint_auth_signing_alg_values_supported: algs,
      revocation_endpoint_auth_signing_alg_values_supported: algs,
      scopes_supported: ['data:read', 'data:write', 'reports:read', 'live:present'],
    });
  });

  it('uses the configured issuer when there is one', async () => {
    const t = await makeServer({ issuer: 'https://auth.example.com' });
    const m = await t.server
      .authorizationServerMetadata(
        new Request('http://localhost/.well-known/oauth-authorization-server'),
      )
      .json();
    expect(m.issuer).toBe('https://auth.example.com');
  });

  it('RFC 9728 metadata names the resource and its server', async () => {
    const t = await makeServer();
    const m = await t.server
      .protectedResourceMetadata(
        new Request('http://h.test/.well-known/oauth-protected-resource/api'),
      )
      .json();
    expect(m).toEqual({
      resource: 'http://h.test/api',
      authorization_servers: ['http://h.test'],
      scopes_supported: ['data:read', 'data:write', 'reports:read', 'live:present'],
      bearer_methods_supported: ['header'],
      resource_name: 'FlowLab demo API',
      resource_documentation: 'http://h.test/',
    });
  });

  it('JWKS publishes the public key only', async () => {
    const t = await makeServer();
    const { keys } = await t.server.jwks(new Request('http://h.test/.well-known/jwks.json')).json();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kid: t.key.kid, alg: 'ES256', use: 'sig', kty: 'EC' });
    expect(keys[0].d).toBeUndefined();
  });
});

describe('issuer from the Host header', () => {
  it('prefers a valid Host header (and X-Forwarded-Proto) over the request URL host', async () => {
    const t = await makeServer();
    const meta = (host: string, extra: Record<string, string> = {}) =>
      t.server
        .authorizationServerMetadata(
          new Request('http://localhost:3000/.well-known/oauth-authorization-server', {
            headers: { host, ...extra },
          }),
        )
        .json();
    expect((await meta('127.0.0.1:3101')).issuer).toBe('http://127.0.0.1:3101');
    expect((await meta('flowlab.example', { 'x-forwarded-proto': 'https' })).issuer).toBe(
      'https://flowlab.example',
    );
    expect((await meta('[::1]:8080')).issuer).toBe('http://[::1]:8080');
    expect((await meta('evil.example/"x')).issuer).toBe('http://localhost:3000'); // invalid host ignored
  });
});
