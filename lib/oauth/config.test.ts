import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClientsConfig } from './client-config';
import { DEMO_CLIENTS_CONFIG } from './demo-clients';
import { loadClientRegistry, parseIssuer, parseRateLimit, parseRegistrationLimits } from './config';

describe('clients', () => {
  it('registers the demo clients of the contract', () => {
    const reg = loadClientRegistry({});
    expect(reg.get('abc')).toMatchObject({
      credential: { method: 'client_secret', secret: 'xyz' },
      allowedScopes: ['data:read', 'data:write'],
      defaultScopes: ['data:read'],
      tokenLifetime: 3600,
    });
    expect(reg.get('myapp123')).toMatchObject({
      credential: { method: 'client_secret', secret: 'secret456' },
      allowedScopes: ['data:read'],
    });
    expect(reg.get('abc123')).toMatchObject({
      credential: { method: 'client_secret', secret: 'secret456' },
    });
    expect(reg.get('reporting-bot')).toMatchObject({
      credential: { method: 'client_secret', secret: 'reports-secret' },
      allowedScopes: ['reports:read'],
    });
    expect(reg.get('short-lived')).toMatchObject({
      credential: { method: 'client_secret', secret: 'short-secret' },
      tokenLifetime: 2,
    });
    expect(reg.get('legacy-portal')!.grantTypes).not.toContain('client_credentials');
    expect(reg.list().length).toBe(DEMO_CLIENTS_CONFIG.length);
  });

  it('replaces the registry from FLOWLAB_CLIENTS', () => {
    const reg = loadClientRegistry({
      FLOWLAB_CLIENTS: JSON.stringify([
        { client_id: 'svc', client_secret: 's', scope: 'data:read' },
      ]),
    });
    expect(reg.list().map((c) => c.clientId)).toEqual(['svc']);
    expect(reg.get('svc')).toMatchObject({
      grantTypes: ['client_credentials'],
      tokenLifetime: 3600,
      defaultScopes: ['data:read'],
    });
  });

  it('reads FLOWLAB_CLIENTS_FILE', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowlab-clients-'));
    const file = join(dir, 'clients.json');
    await writeFile(
      file,
      JSON.stringify([{ client_id: 'f', client_secret: 'g', scope: 'reports:read' }]),
    );
    expect(loadClientRegistry({ FLOWLAB_CLIENTS_FILE: file }).get('f')).toBeDefined();
    expect(() => loadClientRegistry({ FLOWLAB_CLIENTS_FILE: join(dir, 'missing.json') })).toThrow(
      /cannot be read/,
    );
    await rm(dir, { recursive: true });
  });

  it.each([
    ['not JSON', '[', /not valid JSON/],
    ['an empty list', '[]', /non-empty JSON array/],
    ['no secret', '[{"client_id":"a","scope":"data:read"}]', /clients\[0\]\.client_secret/],
    [
      'an unknown scope',
      '[{"client_id":"a","client_secret":"b","scope":"admin"}]',
      /unknown scope "admin"/,
    ],
    [
      'a default outside the scope',
      '[{"client_id":"a","client_secret":"b","scope":"data:read","default_scope":"data:write"}]',
      /default_scope/,
    ],
    [
      'a bad lifetime',
      '[{"client_id":"a","client_secret":"b","scope":"data:read","token_lifetime":0}]',
      /token_lifetime/,
    ],
    [
      'a bad grant',
      '[{"client_id":"a","client_secret":"b","scope":"data:read","grant_types":["password"]}]',
      /grant_types/,
    ],
    [
      'a duplicate id',
      '[{"client_id":"a","client_secret":"b","scope":"data:read"},{"client_id":"a","client_secret":"c","scope":"data:read"}]',
      /used twice/,
    ],
  ])('refuses FLOWLAB_CLIENTS with %s, naming the variable', (_n, value, message) => {
    expect(() => loadClientRegistry({ FLOWLAB_CLIENTS: value })).toThrow(message);
    expect(() => loadClientRegistry({ FLOWLAB_CLIENTS: value })).toThrow(/FLOWLAB_CLIENTS/);
  });

  it('refuses both variables at once', () => {
    expect(() => loadClientRegistry({ FLOWLAB_CLIENTS: '[]', FLOWLAB_CLIENTS_FILE: 'x' })).toThrow(
      /not both/,
    );
  });

  it('parseClientsConfig refuses a non-array', () => {
    expect(() => parseClientsConfig({})).toThrow(/array/);
  });
});

describe('other settings', () => {
  it('FLOWLAB_RATE_LIMIT', () => {
    expect(parseRateLimit(undefined)).toEqual({ maxFailures: 10, windowMs: 60_000 });
    expect(parseRateLimit('5/30')).toEqual({ maxFailures: 5, windowMs: 30_000 });
    expect(() => parseRateLimit('lots')).toThrow(/FLOWLAB_RATE_LIMIT/);
  });

  it('FLOWLAB_REGISTRATION_LIMIT and FLOWLAB_REGISTRATION_CAP', () => {
    expect(parseRegistrationLimits({})).toEqual({ perCaller: 200, windowMs: 600_000, cap: 1000 });
    expect(
      parseRegistrationLimits({
        FLOWLAB_REGISTRATION_LIMIT: '5/60',
        FLOWLAB_REGISTRATION_CAP: '7',
      }),
    ).toEqual({ perCaller: 5, windowMs: 60_000, cap: 7 });
    expect(() => parseRegistrationLimits({ FLOWLAB_REGISTRATION_LIMIT: 'x' })).toThrow(
      /FLOWLAB_REGISTRATION_LIMIT/,
    );
    expect(() => parseRegistrationLimits({ FLOWLAB_REGISTRATION_CAP: '-1' })).toThrow(
      /FLOWLAB_REGISTRATION_CAP/,
    );
  });

  it('FLOWLAB_ISSUER', () => {
    expect(parseIssuer(undefined)).toBeUndefined();
    expect(parseIssuer('https://auth.example.com/')).toBe('https://auth.example.com');
    expect(() => parseIssuer('auth.example.com')).toThrow(/FLOWLAB_ISSUER/);
    expect(() => parseIssuer('https://a.example?x=1')).toThrow(/FLOWLAB_ISSUER/);
  });
});

describe('FLOWLAB_REVOCATIONS_PER_CLIENT', () => {
  it('defaults to 10,000 and refuses what is not a positive whole number', async () => {
    const { parseRevocationLimit } = await import('./config');
    expect(parseRevocationLimit(undefined)).toBe(10_000);
    expect(parseRevocationLimit('300')).toBe(300);
    for (const bad of ['0', '-1', '1.5', 'many']) {
      expect(() => parseRevocationLimit(bad)).toThrow(/FLOWLAB_REVOCATIONS_PER_CLIENT/);
    }
  });
});
