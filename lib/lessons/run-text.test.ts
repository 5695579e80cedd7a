import { describe, expect, it } from 'vitest';
import { coreHarness } from '../engine/core-deps.test-support';
import { executionRows } from '../engine/derived';
import { outcomeText, runNote } from '../engine/run-text';
import { getScenario } from '../engine/scenarios';
import { runAll } from '../engine/trace';
import { lesson as clientCredentials } from './client-credentials';
import { lesson as privateKeyJwt } from './client-credentials-private-key-jwt';
import { lessons } from './index';

describe.each(lessons.map((l) => [l.slug, l] as const))('run text of %s', (_slug, lesson) => {
  it('narrates every step of every scenario run against the real core, from the record alone', async () => {
    for (const scenario of lesson.scenarios) {
      const core = await coreHarness();
      const trace = await runAll(
        { lesson, settings: scenario.settings, treatment: scenario.treatment },
        core.deps,
      );
      for (const record of trace) {
        expect(outcomeText(lesson, record), `${scenario.id} ${record.stepId}`).toBeDefined();
        const note = runNote(lesson, record, trace);
        expect(note, `${scenario.id} ${record.stepId}`).toMatch(/^[A-Z].*\.$/);
        expect(note).not.toMatch(/undefined|\?\s*s\b/);
      }
      for (const row of executionRows(lesson, trace)) {
        expect(row.live).toBe(true);
        expect(row.response, `${scenario.id} ${row.step.id}`).not.toBe('');
      }
    }
  });
});

describe('run text of the client credentials lesson', () => {
  const lesson = clientCredentials;
  it('says what happened in this run: the status, the branch, the wait', async () => {
    const core = await coreHarness();
    const wrong = getScenario(lesson, 'wrong-secret');
    const trace = await runAll(
      { lesson, settings: wrong.settings, treatment: wrong.treatment },
      core.deps,
    );
    expect(runNote(lesson, trace[1]!, trace)).toBe(
      'The request went to the token endpoint; the server answered 401 Unauthorized.',
    );
    expect(runNote(lesson, trace[2]!, trace)).toMatch(
      /refused the request \(invalid_client\).*No branch/,
    );
    const rows = executionRows(lesson, trace);
    expect(rows.map((r) => r.outcome)).toEqual([
      'neutral',
      'neutral',
      'error',
      'error',
      'error',
      'error',
      'error',
    ]);
    expect(rows[5]?.requestData).toBe('Skipped: no token');
  });
});

describe('run text of the private_key_jwt lesson', () => {
  it('says when the signed request also carries a secret, and only then', async () => {
    const notes = async (id: string) => {
      const scenario = getScenario(privateKeyJwt, id);
      const trace = await runAll(
        { lesson: privateKeyJwt, settings: scenario.settings, treatment: scenario.treatment },
        (await coreHarness()).deps,
      );
      const sign = trace.find((r) => r.stepId === 'sign')!;
      return runNote(privateKeyJwt, sign, trace);
    };
    expect(await notes('secret-as-well')).toMatch(/also put a client_secret in the body/);
    expect(await notes('valid')).not.toMatch(/client_secret/);
  });
});
