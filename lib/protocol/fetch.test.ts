import { describe, expect, it } from 'vitest';
import { sendRequest, type SendDeps } from './fetch';

describe('sendRequest', () => {
  it('sends the record without browser credentials and records the exchange', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    let t = 100;
    const deps: SendDeps = {
      fetch: async (url, init) => {
        seen.push({ url, init });
        return new Response('{"a":1}', {
          status: 401,
          headers: { 'Content-Type': 'application/json' },
        });
      },
      now: () => (t += 5),
    };
    const request = {
      method: 'POST',
      url: 'http://h/token',
      headers: [['X-A', 'b']],
      body: 'x=1',
    } as const;
    const exchange = await sendRequest(request, deps);
    expect(seen[0]!.url).toBe('http://h/token');
    expect(seen[0]!.init).toMatchObject({
      method: 'POST',
      body: 'x=1',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      headers: [['X-A', 'b']],
    });
    expect(exchange.response).toMatchObject({ status: 401, statusText: 'Unauthorized' });
    expect(exchange.response.json).toEqual({ a: 1 });
    expect(exchange.durationMs).toBe(5);
  });

  it('keeps a body that is not JSON as text only', async () => {
    const exchange = await sendRequest(
      { method: 'GET', url: 'http://h/x', headers: [] },
      { fetch: async () => new Response('<html>', { status: 404 }), now: () => 0 },
    );
    expect(exchange.response.body).toBe('<html>');
    expect(exchange.response).not.toHaveProperty('json');
  });
});
