import { describe, expect, it } from 'vitest';
import { lesson } from '../lessons/client-credentials';
import { coreHarness } from './core-deps.test-support';
import { branchesAt, executionRows, stepHeading, trackerColumns } from './derived';
import { decodeToken, isJwks } from './jwt';
import { verifySignature } from './jwt-verify';
import { actualOutcome } from './predictions';
import { runNote } from './run-text';
import { getScenario } from './scenarios';
import type { ScenarioId } from '../lessons/client-credentials/scenarios';

const { scenarios } = lesson;
import { runAll } from './trace';
import { type StepRecord } from './step-record';

/**
 * Golden traces against FlowLab's REAL authorization server and API core, in process (see
 * core-deps.test-support.ts): the server's own events show which check failed.
 */

const realServer = coreHarness;
const ORIGIN = 'http://flowlab.test';

async function run(id: ScenarioId) {
  const real = await realServer();
  const s = getScenario(lesson, id);
  const trace = await runAll({ lesson, settings: s.settings, treatment: s.treatment }, real.deps);
  return { ...real, trace };
}

const at = (trace: readonly StepRecord[], id: string) => trace.find((s) => s.stepId === id)!;

describe('golden traces against the real auth core', () => {
  it('valid: a real ES256 at+jwt, API data, events for /token and /api/data', async () => {
    const { trace, events, deps, inits } = await run('valid');
    const token = at(trace, 'issue').vars.access_token ?? '';
    expect(token).toMatch(/^eyJ/);
    expect(at(trace, 'issue').vars).toMatchObject({
      token_type: 'Bearer',
      expires_in: '3600',
      client_id: 'abc',
      client_secret: 'xyz',
    });
    const decoded = decodeToken(token);
    expect(decoded?.header.find((h) => h.name === 'typ')?.value).toBe('at+jwt');
    expect(Object.fromEntries(decoded?.claims.map((c) => [c.name, c.value]) ?? [])).toMatchObject({
      iss: ORIGIN,
      aud: `${ORIGIN}/api`,
      sub: 'abc',
      client_id: 'abc',
      scope: 'data:read',
    });
    const jwks = await (await deps.fetch(`${ORIGIN}/.well-known/jwks.json`, {})).json();
    expect(isJwks(jwks) && (await verifySignature(token, jwks)).ok).toBe(true);
    const send = at(trace, 'send').exchanges[0];
    expect(send?.response.headers).toEqual(expect.arrayContaining([['cache-control', 'no-store']]));
    expect(at(trace, 'call-api').vars.http_status).toBe('200');
    expect(at(trace, 'call-api').vars.api_response).toContain('abc');
    expect(branchesAt(trace, 7)).toEqual({ validate: 'yes', 'api-check': 'yes' });
    expect(events.map((e) => `${e.endpoint} ${e.status}`)).toEqual(['token 200', 'api 200']);
    expect(inits.slice(0, 2).map((i) => i.credentials)).toEqual(['omit', 'omit']);
    expect(trackerColumns(lesson, trace).map((c) => [...c.changed].sort().join(','))).toEqual([
      '',
      'client_id,client_secret',
      'http_status',
      '',
      'access_token,expires_in,token_type',
      '',
      'api_response',
      '',
    ]);
  });

  it('body-credentials: the same success with client_id and client_secret in the body', async () => {
    const { trace, events } = await run('body-credentials');
    const request = at(trace, 'send').exchanges[0]?.request;
    expect(request?.headers.map(([n]) => n)).not.toContain('Authorization');
    expect(request?.body).toBe('grant_type=client_credentials&client_id=abc&client_secret=xyz');
    expect(at(trace, 'validate').decision?.branch).toBe('yes');
    expect(events[0]?.checks.every((c) => c.ok)).toBe(true);
  });

  it.each([
    ['wrong-secret', 401, 'invalid_client', 'secret-matches'],
    ['unknown-client', 401, 'invalid_client', 'client-known'],
    ['json-body', 400, 'invalid_request', 'content-type'],
    ['missing-grant-type', 400, 'invalid_request', undefined],
    ['unsupported-grant-type', 400, 'unsupported_grant_type', 'grant-type'],
    ['credentials-twice', 400, 'invalid_request', 'client-auth'],
    ['not-allowed-grant', 400, 'unauthorized_client', 'grant-allowed'],
  ] as const)(
    '%s: No branch, %i %s, no token, no API call',
    async (id, status, code, failedCheck) => {
      const { trace, events } = await run(id);
      const validate = at(trace, 'validate');
      expect(validate.decision?.branch).toBe('no');
      expect(validate.error).toMatchObject({ source: 'token', status, code });
      expect(validate.error?.description).toEqual(expect.any(String));
      expect(trace.every((s) => s.vars.access_token === null)).toBe(true);
      expect(actualOutcome(lesson, at(trace, 'send'))).toBe(`${status}-${code}`);
      expect(events.map((e) => e.endpoint)).toEqual(['token']);
      if (failedCheck)
        expect(events[0]?.checks.at(-1)).toMatchObject({ id: failedCheck, ok: false });
      expect(trace.at(-1)?.activeNode).toBe('error');
    },
  );

  it.each([
    ['insufficient-scope', 403, 'insufficient_scope', 'scope'],
    ['expired-token', 401, 'invalid_token', 'exp'],
    ['tampered-token', 401, 'invalid_token', 'signature'],
    ['revoked-token', 401, 'invalid_token', 'revocation'],
  ] as const)(
    '%s: token issued, then the API says %i %s (check %s failed)',
    async (id, status, code, failedCheck) => {
      const { trace, events } = await run(id);
      expect(at(trace, 'issue').vars.access_token).toMatch(/^eyJ/);
      const api = at(trace, 'call-api');
      expect(api.decision?.branch).toBe('no');
      expect(api.error).toMatchObject({ source: 'api', status, code });
      expect(actualOutcome(lesson, api)).toBe(`${status}-${code}`);
      const apiEvent = events.find((e) => e.endpoint === 'api');
      expect(apiEvent?.checks.at(-1)).toMatchObject({ id: failedCheck, ok: false });
      expect(trace.at(-1)?.activeNode).toBe('api-error');
    },
  );

  it('heads each step with what happened in the run: on the No branch, no token is issued', async () => {
    const heading = async (id: ScenarioId) => {
      const { trace } = await run(id);
      return lesson.steps.map((step) => stepHeading(lesson, step, at(trace, step.id)).title);
    };
    expect(await heading('valid')).toEqual(lesson.steps.map((s) => s.title));
    const refused = await heading('wrong-secret');
    expect(refused.slice(0, 3)).toEqual(lesson.steps.slice(0, 3).map((s) => s.title));
    expect(refused.slice(3)).toEqual(Array(4).fill('Error response, no token'));
    expect((await heading('revoked-token')).at(-1)).toBe('API refuses (401 / 403)');
    // The heading's actor is who acts in what it names: the API refuses, the auth server answers.
    const end = lesson.steps.at(-1)!;
    const revoked = (await run('revoked-token')).trace;
    expect(stepHeading(lesson, end, at(revoked, end.id)).actor).toBe('api');
    expect(stepHeading(lesson, end, at((await run('valid')).trace, end.id)).actor).toBe(end.actor);
    const wrong = (await run('wrong-secret')).trace;
    expect(stepHeading(lesson, end, at(wrong, end.id)).actor).toBe('auth-server');
    const issue = lesson.steps.find((s) => s.id === 'issue')!;
    const { trace } = await run('wrong-secret');
    expect(stepHeading(lesson, issue, at(trace, 'issue')).onHappyPath).toBe(
      'Auth server issues an access token',
    );
  });

  it('records the server’s own checks on each exchange: the list the live feed shows', async () => {
    const { trace, events } = await run('revoked-token');
    const exchanges = trace.flatMap((r) => r.exchanges);
    expect(exchanges.map((e) => e.checks)).toEqual(events.map((e) => e.checks));
    const api = at(trace, 'call-api').exchanges[0];
    expect(api?.checks?.at(-1)).toMatchObject({ id: 'revocation', ok: false });
    expect(api?.checks?.slice(0, -1).every((c) => c.ok)).toBe(true);
    const rows = executionRows(lesson, trace);
    expect(rows.map((r) => r.checks?.length ?? 0).map(Boolean)).toEqual([
      false,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(rows[5]?.checks).toEqual(api?.checks);
  });

  it('expired-token fast-forwards the clock of this browser’s own client past exp, with no wait', async () => {
    const { trace } = await run('expired-token');
    expect(at(trace, 'prepare').vars.client_id).toMatch(/^learner-/);
    expect(at(trace, 'issue').vars.expires_in).toBe('3600');
    expect(at(trace, 'call-api').fastForward).toEqual({
      offsetSeconds: 3603,
      credential: 'access_token',
      lifetimeSeconds: 3600,
    });
    const [clock, api] = at(trace, 'call-api').exchanges;
    expect(clock?.request.method).toBe('PUT');
    expect(clock?.response.json).toEqual({ clock_offset_seconds: 3603 });
    expect(api?.response.status).toBe(401);
    // The last step says again that the clock moved, not the token's real age.
    expect(runNote(lesson, at(trace, 'end'), trace)).toBe(
      'The client had a token, but the API refused it. On the real clock, the access token had not expired: the server’s clock for this browser’s own client alone was set 3603 s ahead, past its exp, which was 3600 s away.',
    );
    const revoked = await run('revoked-token');
    expect(runNote(lesson, at(revoked.trace, 'end'), revoked.trace)).toBe(
      'The client had a token, but the API refused it.',
    );
  });

  it('revoked-token calls /revoke with the real token first', async () => {
    const { events } = await run('revoked-token');
    expect(events.map((e) => `${e.endpoint} ${e.status}`)).toEqual([
      'token 200',
      'revoke 200',
      'api 401',
    ]);
  });

  it('custom values decide: an unknown scope is invalid_scope', async () => {
    const real = await realServer();
    const trace = await runAll(
      {
        lesson,
        settings: { ...getScenario(lesson, 'custom').settings, scope: 'admin:everything' },
        treatment: 'use',
      },
      real.deps,
    );
    expect(at(trace, 'validate').error?.code).toBe('invalid_scope');
  });

  it('every scenario with an expectation meets it against the real core', async () => {
    for (const s of scenarios.filter((x) => x.expected)) {
      const { trace } = await run(s.id);
      const token = at(trace, 'send').exchanges[0]?.response;
      expect({ id: s.id, status: token?.status }).toEqual({
        id: s.id,
        status: s.expected?.token.status,
      });
      const api = at(trace, 'call-api').exchanges.at(-1)?.response;
      expect({ id: s.id, status: api?.status }).toEqual({
        id: s.id,
        status: s.expected?.api?.status,
      });
    }
  });
});
