import { describe, expect, it } from 'vitest';
import { lesson } from '../lessons/client-credentials';
import { branchesAt, changedVars, executionRows, latestExchange, trackerColumns } from './derived';
import { shorten } from './format';
import { coreHarness } from './core-deps.test-support';
import { decodeToken, isJwks } from './jwt';
import { verifySignature } from './jwt-verify';
import { actualOutcome } from './predictions';
import { getScenario } from './scenarios';
import type { ScenarioId } from '../lessons/client-credentials/scenarios';

const { scenarios } = lesson;
import { runAll, runNextStep, stepTalksToServer } from './trace';
import { type StepRecord } from './step-record';

async function run(id: ScenarioId) {
  const server = await coreHarness();
  const scenario = getScenario(lesson, id);
  const trace = await runAll(
    { lesson, settings: scenario.settings, treatment: scenario.treatment },
    server.deps,
  );
  return { server, trace, scenario };
}

const at = (trace: readonly StepRecord[], stepId: string) =>
  trace.find((s) => s.stepId === stepId)!;

describe('runNextStep (lazy)', () => {
  it('sends a request only when stepping onto a step that talks to a server', async () => {
    const server = await coreHarness();
    const config = {
      lesson,
      settings: getScenario(lesson, 'valid').settings,
      treatment: 'use' as const,
    };
    const trace: StepRecord[] = [];
    trace.push(await runNextStep(config, trace, server.deps));
    expect(server.requests).toHaveLength(0);
    // Basic is FlowLab's default (RFC 6749 §2.3.1: body credentials are NOT RECOMMENDED).
    expect(trace[0]?.prepared?.body).toBe('grant_type=client_credentials');
    expect(trace[0]?.prepared?.headers).toContainEqual([
      'Authorization',
      `Basic ${btoa('abc:xyz')}`,
    ]);
    trace.push(await runNextStep(config, trace, server.deps));
    expect(server.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /token',
    ]);
    for (let i = 0; i < 3; i++) trace.push(await runNextStep(config, trace, server.deps));
    expect(server.requests).toHaveLength(1);
    trace.push(await runNextStep(config, trace, server.deps));
    expect(server.requests.map((r) => new URL(r.url).pathname)).toEqual(['/token', '/api/data']);
    trace.push(await runNextStep(config, trace, server.deps));
    await expect(runNextStep(config, trace, server.deps)).rejects.toThrow(/complete/);
    const talks = await Promise.all(
      lesson.steps.map((s) => stepTalksToServer(lesson, s.id, 'use')),
    );
    expect(lesson.steps.filter((_, i) => talks[i]).map((s) => s.id)).toEqual(['send', 'call-api']);
  });
});

describe('valid scenario', () => {
  it('records a token after step 4 and API data after step 6', async () => {
    const { trace } = await run('valid');
    expect(trace.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(trace[0]?.vars).toMatchObject({
      client_id: 'abc',
      client_secret: 'xyz',
      access_token: null,
    });
    expect(at(trace, 'send').vars.http_status).toBe('200');
    expect(at(trace, 'validate').decision).toEqual({ node: 'validate', branch: 'yes' });
    const issued = at(trace, 'issue').vars;
    expect(issued.access_token).toMatch(/^eyJ/);
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: '3600' });
    const api = at(trace, 'call-api');
    expect(api.decision).toEqual({ node: 'api-check', branch: 'yes' });
    expect(JSON.parse(api.vars.api_response ?? '')).toMatchObject({ client_id: 'abc' });
    expect(api.exchanges[0]?.request.headers).toEqual([
      ['Authorization', `Bearer ${issued.access_token}`],
    ]);
    expect(trace.at(-1)?.activeNode).toBe('api-data');
    expect(trace.some((s) => s.error)).toBe(false);
  });

  it('derives the tracker, changed cells and branches from the trace', async () => {
    const { trace } = await run('valid');
    const columns = trackerColumns(lesson, trace);
    expect(columns).toHaveLength(8);
    expect(columns[0]?.vars.access_token).toBeNull();
    expect([...(columns[1]?.changed ?? [])]).toEqual(['client_id', 'client_secret']);
    expect([...(columns[4]?.changed ?? [])].sort()).toEqual([
      'access_token',
      'expires_in',
      'token_type',
    ]);
    expect([...(columns[6]?.changed ?? [])].sort()).toEqual(['api_response']);
    expect(columns[3]?.changed.size).toBe(0);
    expect(branchesAt(trace, 2)).toEqual({});
    expect(branchesAt(trace, 3)).toEqual({ validate: 'yes' });
    expect(branchesAt(trace, 7)).toEqual({ validate: 'yes', 'api-check': 'yes' });
    expect(latestExchange(trace, 1)).toBeUndefined();
    expect(latestExchange(trace, 4)?.stepNumber).toBe(2);
    expect(latestExchange(trace, 7)?.stepNumber).toBe(6);
    expect(changedVars({ a: null }, { a: 'x', b: null })).toEqual(new Set(['a']));
    const rows = executionRows(lesson, trace.slice(0, 4));
    expect(rows.map((r) => r.live)).toEqual([true, true, true, true, false, false, false]);
    expect(rows[2]?.response).toBe('Yes');
    expect(rows[3]?.response).toMatch(/^200 \{"access_token":"eyJ/);
    expect(rows[4]?.response).toBe(lesson.steps[4]?.response);
  });

  it('decodes the real token and verifies its signature against the JWKS', async () => {
    const { server, trace } = await run('valid');
    const token = at(trace, 'issue').vars.access_token ?? '';
    const decoded = decodeToken(token);
    expect(decoded?.header.find((f) => f.name === 'typ')?.value).toBe('at+jwt');
    const exp = decoded?.claims.find((f) => f.name === 'exp');
    expect(exp?.display).toMatch(/\(2030-01-01T13:00:00\.000Z\)/);
    expect(exp?.explanation).toMatch(/Expiry/);
    expect(decoded?.claims.map((c) => c.name)).toEqual(
      expect.arrayContaining(['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'client_id', 'scope']),
    );
    const jwks = await (
      await server.deps.fetch(`${server.origin}/.well-known/jwks.json`, {})
    ).json();
    expect(isJwks(jwks)).toBe(true);
    if (!isJwks(jwks)) return;
    expect(await verifySignature(token, jwks)).toEqual({
      ok: true,
      alg: 'ES256',
      kid: server.key.kid,
    });
    const tampered =
      at(await (await run('tampered-token')).trace, 'receive').vars.access_token ?? '';
    expect((await verifySignature(tampered, jwks)).ok).toBe(false);
    expect(decodeToken('not a token')).toBeNull();
  });

  it('decodes only a header and claims that are JSON objects', () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeToken(`${part({ alg: 'ES256' })}.${part({ sub: 'a' })}.sig`)?.claims).toEqual([
      expect.objectContaining({ name: 'sub', value: 'a' }),
    ]);
    expect(decodeToken(`${part({ alg: 'ES256' })}.${part([1, 2])}.sig`)).toBeNull();
    expect(decodeToken(`${part('none')}.${part({ sub: 'a' })}.sig`)).toBeNull();
    expect(decodeToken(`${part({ alg: 'ES256' })}.bm90IGpzb24.sig`)).toBeNull();
  });
});

describe('execution rows after a No branch', () => {
  it('say the steps after it have not run, instead of showing the happy path', async () => {
    const { trace } = await run('wrong-secret');
    const rows = executionRows(lesson, trace.slice(0, 3));
    expect(rows.map((r) => r.live)).toEqual([true, true, true, false, false, false, false]);
    for (const row of rows.slice(3)) {
      expect(row).toMatchObject({ requestData: '—', response: '—' });
      expect(row.validation).toBe('Not run yet (step 3 took the No branch)');
    }
    // before the branch, the happy path is still what lies ahead
    expect(executionRows(lesson, trace.slice(0, 2))[3]?.response).toBe(lesson.steps[3]?.response);
  });
});

describe('failure scenarios', () => {
  it.each([
    ['wrong-secret', 401, 'invalid_client'],
    ['unknown-client', 401, 'invalid_client'],
    ['json-body', 400, 'invalid_request'],
    ['missing-grant-type', 400, 'invalid_request'],
    ['unsupported-grant-type', 400, 'unsupported_grant_type'],
    ['credentials-twice', 400, 'invalid_request'],
    ['not-allowed-grant', 400, 'unauthorized_client'],
  ] as const)('%s: the No branch with %i %s and no token', async (id, status, code) => {
    const { trace, server, scenario } = await run(id);
    expect(scenario.expected?.token).toEqual({ status, error: code });
    expect(at(trace, 'validate').decision).toEqual({ node: 'validate', branch: 'no' });
    expect(at(trace, 'validate').error).toMatchObject({ source: 'token', status, code });
    expect(at(trace, 'validate').error?.explanation?.rfc).toBe('RFC 6749 §5.2');
    expect(trace.every((s) => s.vars.access_token === null)).toBe(true);
    expect(at(trace, 'issue').activeNode).toBe('error');
    expect(at(trace, 'call-api').exchanges).toHaveLength(0);
    expect(actualOutcome(lesson, at(trace, 'send'))).toBe(`${status}-${code}`);
    expect(actualOutcome(lesson, at(trace, 'call-api'))).toBe('no-call');
    expect(server.requests.map((r) => new URL(r.url).pathname)).toEqual(['/token']);
    expect(trace.at(-1)).toMatchObject({ activeNode: 'error', error: { code } });
    expect(branchesAt(trace, 7)).toEqual({ validate: 'no' });
  });

  it.each([
    ['insufficient-scope', 403, 'insufficient_scope'],
    ['tampered-token', 401, 'invalid_token'],
    ['revoked-token', 401, 'invalid_token'],
    ['expired-token', 401, 'invalid_token'],
  ] as const)('%s: a token, then the API refuses with %i %s', async (id, status, code) => {
    const { trace, scenario } = await run(id);
    expect(scenario.expected?.api).toEqual({ status, error: code });
    expect(at(trace, 'validate').decision?.branch).toBe('yes');
    expect(at(trace, 'issue').vars.access_token).toMatch(/^eyJ/);
    const api = at(trace, 'call-api');
    expect(api.decision).toEqual({ node: 'api-check', branch: 'no' });
    expect(api.error).toMatchObject({
      source: 'api',
      status,
      code,
      explanation: { rfc: 'RFC 6750 §3.1' },
    });
    expect(api.vars.http_status).toBe(String(status));
    expect(actualOutcome(lesson, api)).toBe(`${status}-${code}`);
    expect(trace.at(-1)?.activeNode).toBe('api-error');
  });

  it('revoked-token revokes the real token at /revoke before the API call', async () => {
    const { trace, server } = await run('revoked-token');
    expect(server.requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/token',
      '/revoke',
      '/api/data',
    ]);
    const revoke = at(trace, 'receive').exchanges[0];
    expect(revoke?.request.body).toContain(`token=${at(trace, 'issue').vars.access_token}`);
    expect(await stepTalksToServer(lesson, 'receive', 'revoke')).toBe(true);
  });

  it('expired-token moves only its own client’s clock: the real clock stands, other clients’ tokens stay valid', async () => {
    const server = await coreHarness();
    const before = server.now();
    const scenario = getScenario(lesson, 'expired-token');
    const trace = await runAll(
      { lesson, settings: scenario.settings, treatment: scenario.treatment },
      server.deps,
    );
    expect(server.now()).toBe(before);
    expect(at(trace, 'call-api').error?.code).toBe('invalid_token');
    // abc's run right after is accepted: its client's clock never moved.
    const again = await runAll(
      { lesson, settings: getScenario(lesson, 'valid').settings, treatment: 'use' },
      server.deps,
    );
    expect(at(again, 'call-api').outcome).toBe('data');
    // A second run resets this browser's client clock first, then fast-forwards again.
    const second = await runAll(
      { lesson, settings: scenario.settings, treatment: scenario.treatment },
      server.deps,
    );
    expect(at(second, 'prepare').exchanges.map((e) => e.request.method)).toEqual(['GET', 'PUT']);
    expect(at(second, 'send').exchanges[0]?.response.status).toBe(200);
    expect(at(second, 'call-api').error?.code).toBe('invalid_token');
  });

  it('expired-token with body credentials registers a client_secret_post client, which the server holds to it', async () => {
    const server = await coreHarness();
    const scenario = getScenario(lesson, 'expired-token');
    const settings = { ...scenario.settings, authMethod: 'body' } as const;
    const trace = await runAll({ lesson, settings, treatment: scenario.treatment }, server.deps);
    const registration = at(trace, 'prepare').exchanges[0];
    expect(JSON.parse(registration?.request.body ?? '{}')).toMatchObject({
      token_endpoint_auth_method: 'client_secret_post',
    });
    expect(at(trace, 'send').exchanges[0]?.response.status).toBe(200);
    expect(at(trace, 'call-api').error?.code).toBe('invalid_token');
    // the same client's secret in a Basic header is refused: it registered the body
    const { vars } = at(trace, 'prepare');
    const clientId = vars.client_id ?? '';
    const clientSecret = vars.client_secret ?? '';
    const basic = await runAll(
      {
        lesson,
        settings: { ...settings, clientId, clientSecret, authMethod: 'basic' },
        treatment: 'use',
      },
      server.deps,
    );
    expect(at(basic, 'validate').error).toMatchObject({ status: 401, code: 'invalid_client' });
    expect(at(basic, 'validate').error?.description).toMatch(/registered client_secret_post/);
  });

  it('tampered-token changes the payload, keeps the signature, and the tracker shows it', async () => {
    const { trace } = await run('tampered-token');
    const original = at(trace, 'issue').vars.access_token ?? '';
    const tampered = at(trace, 'receive').vars.access_token ?? '';
    expect(tampered).not.toBe(original);
    expect(tampered.split('.')[2]).toBe(original.split('.')[2]);
    expect(decodeToken(tampered)?.claims.find((c) => c.name === 'scope')?.value).toBe(
      'data:read data:write admin',
    );
    expect([...(trackerColumns(lesson, trace)[5]?.changed ?? [])]).toEqual(['access_token']);
    expect(shorten(tampered)).not.toBe(shorten(original));
    expect(shorten(original)).toMatch(/^eyJ[\w-]{9}…[\w-]{6}\.[\w-]{6}…$/);
    expect(shorten('short')).toBe('short');
    expect(shorten('a'.repeat(40))).toBe(`${'a'.repeat(12)}…aaaaaa`);
  });

  it('custom settings decide the branch (Basic auth, wrong secret)', async () => {
    const server = await coreHarness();
    const ok = await runAll(
      {
        lesson,
        settings: { ...getScenario(lesson, 'valid').settings, authMethod: 'basic' },
        treatment: 'use',
      },
      server.deps,
    );
    expect(at(ok, 'validate').decision?.branch).toBe('yes');
    expect(server.requests[0]?.headers.get('authorization')).toBe(`Basic ${btoa('abc:xyz')}`);
    const bad = await runAll(
      {
        lesson,
        settings: { ...getScenario(lesson, 'custom').settings, clientSecret: 'nope' },
        treatment: 'use',
      },
      server.deps,
    );
    expect(at(bad, 'validate').error?.code).toBe('invalid_client');
  });

  it('every scenario has a title, a description and settings', () => {
    for (const s of scenarios) {
      expect(s.title, s.id).not.toBe('');
      expect(s.description, s.id).not.toBe('');
    }
    expect(getScenario(lesson, 'nonsense').id).toBe('valid');
  });
});
