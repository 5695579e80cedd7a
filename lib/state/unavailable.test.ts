import { describe, expect, it, vi } from 'vitest';
import { CHECKS_HEADER, parseChecksHeader } from '../protocol/checks';
import { StateUnavailableError } from '../oauth/state-store';
import { apiGet, body, formPost, getToken, makeServer, tokenPost } from '../oauth/test-support';

// A state store that cannot be reached: every endpoint that needs it answers 503
// temporarily_unavailable with Retry-After, and its FlowLab-Checks end with the check it could
// not make (ok: false), as for any other failing request.

async function expectUnavailable(res: Response, check: string): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('2');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect((await body(res)).error).toBe('temporarily_unavailable');
  const checks = parseChecksHeader(res.headers.get(CHECKS_HEADER));
  expect(checks?.at(-1)).toEqual({
    id: check,
    ok: false,
    detail: 'the state store is unreachable',
  });
  expect(checks?.slice(0, -1).every((c) => c.ok)).toBe(true);
}

describe('the state store is unreachable', () => {
  it('/token for a client with a lockout: the rate-limit check', async () => {
    const t = await makeServer();
    vi.spyOn(t.state, 'peek').mockRejectedValue(new StateUnavailableError());
    await expectUnavailable(
      await t.server.token(tokenPost('lockout-demo', 'lockout-secret')),
      'rate-limit',
    );
    expect((await t.server.token(tokenPost('myapp123', 'secret456'))).status).toBe(200); // no lockout: no store
    expect(t.events.at(-2)).toMatchObject({ status: 503, error: 'temporarily_unavailable' });
  });

  it('/token with a wrong secret: the failure cannot be counted', async () => {
    const t = await makeServer();
    vi.spyOn(t.state, 'increment').mockRejectedValue(new StateUnavailableError());
    await expectUnavailable(
      await t.server.token(tokenPost('lockout-demo', 'guess')),
      'secret-matches',
    );
  });

  it('/api/data, /introspect and /revoke: the revocation checks', async () => {
    const t = await makeServer();
    const token = await getToken(t.server, 'myapp123', 'secret456');
    vi.spyOn(t.state, 'isRevoked').mockRejectedValue(new StateUnavailableError());
    await expectUnavailable(await t.server.api(apiGet(token)), 'revocation');
    const form = (path: string) =>
      formPost(`token=${token}&client_id=myapp123&client_secret=secret456`, {}, path);
    await expectUnavailable(await t.server.introspect(form('/introspect')), 'revocation');
    vi.mocked(t.state.isRevoked).mockResolvedValue(false);
    vi.spyOn(t.state, 'revoke').mockRejectedValue(new StateUnavailableError());
    await expectUnavailable(await t.server.revoke(form('/revoke')), 'revoked');
  });
});
