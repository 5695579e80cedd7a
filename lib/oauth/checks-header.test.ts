import { describe, expect, it } from 'vitest';
import { CHECKS_HEADER, parseChecksHeader } from '../protocol/checks';
import { apiGet, formPost, getToken, makeServer, tokenPost } from './test-support';

describe('FlowLab-Checks header', () => {
  it('lists the checks of a good token call, all passed, as the live feed gets them', async () => {
    const t = await makeServer();
    const res = await t.server.token(tokenPost('abc', 'xyz'));
    const checks = parseChecksHeader(res.headers.get(CHECKS_HEADER));
    expect(checks?.map((c) => c.id)).toEqual([
      'method',
      'content-type',
      'params',
      'client-auth',
      'client-known',
      'rate-limit',
      'secret-matches',
      'grant-type',
      'grant-allowed',
      'scope-allowed',
    ]);
    expect(checks?.every((c) => c.ok)).toBe(true);
    expect(checks).toEqual(t.events.at(-1)?.checks);
  });

  it('ends with the failed check of a wrong secret, without the secret', async () => {
    const t = await makeServer();
    const res = await t.server.token(tokenPost('lockout-demo', 'guess-1'));
    const header = res.headers.get(CHECKS_HEADER) ?? '';
    expect(header).not.toContain('guess-1');
    expect(parseChecksHeader(header)?.at(-1)).toEqual({
      id: 'secret-matches',
      ok: false,
      detail: 'wrong secret',
    });
  });

  it('is on the API, introspection and revocation answers too', async () => {
    const t = await makeServer();
    const token = await getToken(t.server, 'abc', 'xyz');
    const auth = 'client_id=abc&client_secret=xyz';
    for (const res of [
      await t.server.api(apiGet(token)),
      await t.server.introspect(formPost(`token=${token}&${auth}`, {}, '/introspect')),
      await t.server.revoke(formPost(`token=${token}&${auth}`, {}, '/revoke')),
    ]) {
      const checks = parseChecksHeader(res.headers.get(CHECKS_HEADER));
      expect(checks?.length).toBeGreaterThan(3);
      expect(checks?.every((c) => c.ok)).toBe(true);
      expect(res.headers.get(CHECKS_HEADER)).not.toContain(token);
    }
  });
});
