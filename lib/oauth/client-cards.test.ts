import { describe, expect, it } from 'vitest';
import { publicClientCards } from './client-cards';
import { parseClientsConfig } from './client-config';
import { demoClientRegistry } from './demo-clients';

describe('publicClientCards', () => {
  it('shows the demo clients with their published secrets', () => {
    const cards = publicClientCards(demoClientRegistry().list());
    expect(cards.find((c) => c.clientId === 'abc')).toEqual({
      clientId: 'abc',
      secret: 'xyz',
      scopes: 'data:read data:write',
      defaultScope: 'data:read',
      lifetime: 3600,
      purpose: expect.any(String),
      lockout: false, // a published demo secret: a room replays the wrong-secret scenario
    });
    expect(cards.find((c) => c.clientId === 'legacy-portal')?.lifetime).toBeNull();
    expect(cards.find((c) => c.clientId === 'lockout-demo')?.lockout).toBe(true);
  });

  it('never shows a configured secret, even for a demo client id', () => {
    const clients = parseClientsConfig([
      { client_id: 'abc', client_secret: 'real-secret', scope: 'data:read' },
      { client_id: 'svc', client_secret: 'another', scope: 'data:read' },
    ]);
    expect(publicClientCards(clients).map((c) => c.secret)).toEqual([null, null]);
  });
});
