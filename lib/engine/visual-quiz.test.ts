import { describe, expect, it } from 'vitest';
import { lesson } from '../lessons/client-credentials';
import type { StepOutcomes } from '../lessons/client-credentials/outcomes';
import type { StepFacts, StepRecord, Vars } from './step-record';
import { buildVisualQuiz } from './visual-quiz';

const TOKEN =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlLW9mLXRoZS1yZWFsLXJ1bg';

/** Each step's outcome in the two runs built here. */
const outcomes: { readonly [K in 'valid' | 'wrong-secret']: StepOutcomes } = {
  valid: {
    prepare: 'basic',
    send: 'answered',
    validate: 'accepted',
    issue: 'issued',
    receive: 'stored',
    'call-api': 'data',
    end: 'complete',
  },
  'wrong-secret': {
    prepare: 'basic',
    send: 'answered',
    validate: 'refused',
    issue: 'refused',
    receive: 'no-token',
    'call-api': 'skipped',
    end: 'token-failed',
  },
};

/** A trace shaped like the engine's, built by hand: one record per lesson step. */
function fakeTrace(kind: 'valid' | 'wrong-secret'): StepRecord[] {
  let vars: Vars = Object.fromEntries(lesson.variables.map((v) => [v.name, null]));
  return lesson.steps.map((step) => {
    const snap: { -readonly [K in keyof StepFacts]: StepFacts[K] } = {
      number: step.number,
      vars,
      exchanges: [],
      activeNode: step.flowNode,
    };
    if (step.id === 'prepare')
      vars = { ...vars, client_id: 'abc', client_secret: kind === 'valid' ? 'xyz' : 'wrong' };
    if (step.id === 'send') vars = { ...vars, http_status: kind === 'valid' ? '200' : '401' };
    if (step.id === 'validate') {
      snap.decision = { node: 'validate', branch: kind === 'valid' ? 'yes' : 'no' };
      if (kind !== 'valid') snap.error = { source: 'token', status: 401, code: 'invalid_client' };
    }
    if (step.id === 'issue' && kind === 'valid')
      vars = { ...vars, access_token: TOKEN, token_type: 'Bearer', expires_in: '3600' };
    if (step.id === 'call-api' && kind === 'valid') {
      snap.decision = { node: 'api-check', branch: 'yes' };
      vars = { ...vars, api_response: '{"data":[1,2,3]}' };
    }
    snap.vars = vars;
    return { ...snap, stepId: step.id, outcome: outcomes[kind][step.id] } as StepRecord;
  });
}

function byId(id: string) {
  const quiz = buildVisualQuiz(lesson, {
    trace: fakeTrace('valid'),
    others: { 'wrong-secret': fakeTrace('wrong-secret') },
  });
  const q = quiz.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

describe('buildVisualQuiz', () => {
  it('builds the three questions, each with exactly one correct option and distinct texts', () => {
    const quiz = buildVisualQuiz(lesson, {
      trace: fakeTrace('valid'),
      others: { 'wrong-secret': fakeTrace('wrong-secret') },
    });
    expect(quiz.map((q) => q.id)).toEqual([
      'token-after-issue',
      'validation-step',
      'wrong-secret-branch',
    ]);
    for (const q of quiz) {
      expect(
        q.options.filter((o) => o.id === q.answer),
        q.id,
      ).toHaveLength(1);
      expect(new Set(q.options.map((o) => o.text)).size, q.id).toBe(q.options.length);
      expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('asks for the real token after the real issue step', () => {
    const q = byId('token-after-issue');
    expect(q.prompt).toBe('In your run, what is the value of access_token after step 4?');
    const right = q.options.find((o) => o.id === q.answer)!;
    expect(right.full).toBe(TOKEN);
    expect(right.text.startsWith('eyJhbGciOiJFUzI1')).toBe(true);
    expect(q.options.map((o) => o.text)).toEqual(expect.arrayContaining(['None', 'abc', 'Bearer']));
    expect(q.hintHref).toBe('/learn/client-credentials/step?scenario=valid&step=4');
    expect(q.evidence).toContain(TOKEN);
    expect(q.look).toEqual({ run: 'valid', step: 4, variable: 'access_token' });
  });

  it('answers "None" when the run issued no token', () => {
    const quiz = buildVisualQuiz(lesson, { trace: fakeTrace('wrong-secret') });
    const q = quiz.find((x) => x.id === 'token-after-issue')!;
    expect(q.options.find((o) => o.id === q.answer)?.text).toBe('None');
    expect(q.options.filter((o) => o.text === 'None')).toHaveLength(1);
  });

  it('takes the validation step number from the run, with undecided, non-adjacent distractors', () => {
    const q = byId('validation-step');
    expect(q.options.find((o) => o.id === q.answer)?.text).toBe('Step 3');
    expect(q.options.map((o) => o.text).sort()).toEqual(['Step 1', 'Step 3', 'Step 5', 'Step 7']);
    expect(q.hint).toContain('step 3');
    expect(q.hintHref).toBe('/learn/client-credentials/step?scenario=valid&step=3');
    expect(q.look).toEqual({
      run: 'valid',
      step: 3,
      branch: { node: 'validate', branch: 'yes' },
    });
  });

  it('follows the run when the steps are numbered differently', () => {
    const trace = fakeTrace('valid').map((s) => ({ ...s, number: s.number + 10 }));
    const q = buildVisualQuiz(lesson, { trace }).find((x) => x.id === 'validation-step')!;
    expect(q.options.find((o) => o.id === q.answer)?.text).toBe('Step 13');
  });

  it('states the real error of a wrong-secret run, and links the hint to that scenario', () => {
    const q = byId('wrong-secret-branch');
    expect(q.options.find((o) => o.id === q.answer)?.text).toContain('401 invalid_client');
    expect(q.evidence).toMatch(/No branch at step 3/);
    expect(q.hintHref).toBe('/learn/client-credentials/step?scenario=wrong-secret&step=3');
    expect(q.look).toEqual({
      run: 'wrong-secret',
      step: 3,
      branch: { node: 'validate', branch: 'no' },
    });
  });

  it('falls back to a general error answer without a wrong-secret run', () => {
    const q = buildVisualQuiz(lesson, { trace: fakeTrace('valid') }).find(
      (x) => x.id === 'wrong-secret-branch',
    )!;
    expect(q.options.find((o) => o.id === q.answer)?.text).toContain(
      'return an error instead of a token',
    );
  });

  it('does not always put the right answer in the same place, and is stable across calls', () => {
    const runs = {
      trace: fakeTrace('valid'),
      others: { 'wrong-secret': fakeTrace('wrong-secret') },
    };
    const a = buildVisualQuiz(lesson, runs);
    const b = buildVisualQuiz(lesson, runs);
    expect(a.map((q) => q.options.map((o) => o.id))).toEqual(
      b.map((q) => q.options.map((o) => o.id)),
    );
    const positions = new Set(a.map((q) => q.options.findIndex((o) => o.id === q.answer)));
    expect(positions.size).toBeGreaterThan(1);
  });

  it('refuses an incomplete run', () => {
    expect(() => buildVisualQuiz(lesson, { trace: fakeTrace('valid').slice(0, 2) })).toThrow(
      /run the flow/,
    );
  });
});
