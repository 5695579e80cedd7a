import { describe, expect, it } from 'vitest';
import { lesson } from '../lessons/client-credentials-private-key-jwt';
import type { ScenarioId } from '../lessons/client-credentials-private-key-jwt/scenarios';
import { coreHarness } from './core-deps.test-support';
import { executionRows, trackerColumns } from './derived';
import { getScenario } from './scenarios';
import { tokenExchange, type StepRecord } from './step-record';
import { runAll } from './trace';

/** The private_key_jwt lesson run by the engine against the real core, step by step. */
async function run(id: ScenarioId) {
  const core = await coreHarness();
  const s = getScenario(lesson, id);
  const trace = await runAll({ lesson, settings: s.settings, treatment: s.treatment }, core.deps);
  return { core, trace };
}

function at(trace: readonly StepRecord[], stepId: string): StepRecord {
  const record = trace.find((r) => r.stepId === stepId);
  if (!record) throw new Error(`no ${stepId}`);
  return record;
}

describe('the private_key_jwt lesson against the real core', () => {
  it('registers the browser’s key, signs a real assertion, gets a token and data', async () => {
    const { trace } = await run('valid');
    expect(trace.map((r) => r.outcome)).toEqual([
      'ready',
      'registered',
      'standard',
      'signed',
      'answered',
      'accepted',
      'issued',
      'data',
      'complete',
    ]);
    const clientId = at(trace, 'register').vars.client_id;
    expect(clientId).toMatch(/^learner-/);
    const sent = new URLSearchParams(at(trace, 'sign').prepared?.body);
    expect(sent.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    expect(sent.get('client_assertion')).toBe(at(trace, 'sign').vars.client_assertion);
    expect(sent.has('client_secret')).toBe(false);
    expect(at(trace, 'sign').prepared?.headers.some(([n]) => /authorization/i.test(n))).toBe(false);
    // The claims the tracker shows are the claims that were signed.
    const [, payload] = (sent.get('client_assertion') ?? '').split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const vars = at(trace, 'sign').vars;
    expect(claims).toEqual({
      iss: clientId,
      sub: clientId,
      aud: vars.aud,
      iat: Number(vars.iat),
      exp: Number(vars.exp),
      jti: vars.jti,
    });
    const checks = tokenExchange(trace)?.checks ?? [];
    expect(checks.filter((c) => c.id.startsWith('assertion-')).every((c) => c.ok)).toBe(true);
    expect(checks.map((c) => c.id)).toContain('assertion-jti');
  });

  it.each([
    ['expired-assertion', 'assertion-time'],
    ['replayed-jti', 'assertion-jti'],
    ['wrong-aud', 'assertion-aud'],
    ['other-key', 'assertion-signature'],
    ['alg-none', 'assertion-alg'],
  ] as const)('%s is refused with invalid_client at the %s check', async (id, check) => {
    const { trace } = await run(id);
    const exchange = tokenExchange(trace);
    expect(exchange?.response.status).toBe(401);
    expect(exchange?.checks?.find((c) => !c.ok)?.id).toBe(check);
    expect(at(trace, 'validate').decision).toEqual({ node: 'validate', branch: 'no' });
    expect(at(trace, 'call-api').outcome).toBe('skipped');
  });

  it('replays the very same request: the first is accepted, the second refused', async () => {
    const { trace } = await run('replayed-jti');
    const [first, second] = at(trace, 'send').exchanges;
    expect(first?.request).toEqual(second?.request);
    expect([first?.response.status, second?.response.status]).toEqual([200, 401]);
    expect(at(trace, 'issue').vars.access_token).toBeNull();
  });

  it('expired-assertion fast-forwards the clock of this browser’s client only, then sends', async () => {
    const { trace } = await run('expired-assertion');
    const [clock, token] = at(trace, 'send').exchanges;
    expect(clock?.request.method).toBe('PUT');
    expect(clock?.response.json).toEqual({ clock_offset_seconds: 63 });
    expect(token?.response.status).toBe(401);
    expect(at(trace, 'send').fastForward).toEqual({
      offsetSeconds: 63,
      credential: 'client_assertion',
      lifetimeSeconds: 60,
    });
  });

  it('a secret next to the assertion is two methods at once: invalid_request', async () => {
    const { trace } = await run('secret-as-well');
    expect(tokenExchange(trace)?.response.json).toMatchObject({ error: 'invalid_request' });
    expect(new URLSearchParams(at(trace, 'sign').prepared?.body).get('client_secret')).toBe(
      'a-secret-too',
    );
  });

  it('fills the tracker and the table from the real run', async () => {
    const { trace } = await run('valid');
    const columns = trackerColumns(lesson, trace);
    expect([...(columns[2]?.changed ?? [])].sort()).toEqual(['client_id', 'http_status']);
    expect([...(columns[3]?.changed ?? [])].sort()).toEqual(['aud', 'exp', 'iat', 'jti']);
    const rows = executionRows(lesson, trace);
    expect(rows.every((r) => r.live)).toBe(true);
    expect(rows[4]?.checks?.length).toBeGreaterThan(0);
  });
});
