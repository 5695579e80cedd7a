import { expect, test } from '@playwright/test';
import { CHECKS_HEADER, parseChecksHeader } from '../lib/protocol/checks';
import { postToken, tokenFor } from './http-support';

test.describe('FlowLab-Checks: the server’s real checks reach the learner', () => {
  test('a wrong secret ends with the failed secret check, and no secret in the header', async ({
    request,
  }) => {
    const res = await postToken(request, 'lockout-demo', 'not-the-secret');
    expect(res.status()).toBe(401);
    const header = res.headers()[CHECKS_HEADER.toLowerCase()] ?? null;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).not.toContain('not-the-secret');
    const checks = parseChecksHeader(header);
    expect(checks?.at(-1)).toEqual({ id: 'secret-matches', ok: false, detail: 'wrong secret' });
    expect(checks?.slice(0, -1).every((c) => c.ok)).toBe(true);
  });

  test('a good token call and API call list every check, all passed', async ({ request }) => {
    const token = await tokenFor(request, 'abc', 'xyz');
    const api = await request.get('/api/data', { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status()).toBe(200);
    const checks = parseChecksHeader(api.headers()[CHECKS_HEADER.toLowerCase()] ?? null);
    expect(checks?.map((c) => c.id)).toEqual([
      'method',
      'bearer-present',
      'jwt-format',
      'alg',
      'signature',
      'typ',
      'iss',
      'aud',
      'exp',
      'revocation',
      'scope',
    ]);
    expect(checks?.every((c) => c.ok)).toBe(true);
    const res = await postToken(request, 'abc', 'xyz');
    const tokenChecks = parseChecksHeader(res.headers()[CHECKS_HEADER.toLowerCase()] ?? null);
    expect(tokenChecks?.at(-1)).toMatchObject({ id: 'scope-allowed', ok: true });
  });
});
