import { describe, expect, it } from 'vitest';
import { routeMethods } from './route-methods';

const ok = () => new Response('ok');

describe('routeMethods', () => {
  it('answers the methods a route lacks with 405 and Allow (RFC 9110 §15.5.6)', async () => {
    const route = routeMethods({ GET: ok, DELETE: ok });
    const res = await route.POST(new Request('http://x/api', { method: 'POST' }), undefined);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    expect(await res.json()).toEqual({
      error: 'method_not_allowed',
      error_description: 'POST is not allowed here; use GET or DELETE.',
    });
  });

  it('serves HEAD with GET and OPTIONS with 204 and Allow', async () => {
    const route = routeMethods({ GET: ok });
    expect(route.HEAD).toBe(ok);
    const options = await route.OPTIONS(new Request('http://x/', { method: 'OPTIONS' }), undefined);
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('has no HEAD without a GET', async () => {
    const route = routeMethods({ PUT: ok });
    const head = await route.HEAD(new Request('http://x/', { method: 'HEAD' }), undefined);
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('PUT, OPTIONS');
  });
});
