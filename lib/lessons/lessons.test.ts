import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreHarness } from '../engine/core-deps.test-support';
import { CUSTOM_SCENARIO, getScenario, presentableScenarios } from '../engine/scenarios';
import { runAll } from '../engine/trace';
import { buildTokenRequest } from '../protocol/requests';
import { getLesson, lessons, stepNumbers } from './index';
import { stepNotesFor } from './speaker-notes';

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('lesson registry', () => {
  it('has unique slugs and finds each lesson by slug', () => {
    expect(duplicates(lessons.map((l) => l.slug))).toEqual([]);
    for (const lesson of lessons) expect(getLesson(lesson.slug)).toBe(lesson);
    expect(getLesson('no-such-lesson')).toBeUndefined();
  });
});

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (_slug, lesson) => {
  const stepIds = lesson.steps.map((s) => s.id);
  const scenarioIds = lesson.scenarios.map((s) => s.id);
  const nodeIds = lesson.flow.nodes.map((n) => n.id);

  it('hands out only a sample program the repository has (examples/, served at /examples/)', () => {
    const file = lesson.challenges?.sample?.file;
    if (file) expect(existsSync(join('examples', file)), file).toBe(true);
  });

  it('has steps, flow nodes and variables', () => {
    expect(lesson.steps.length).toBeGreaterThan(0);
    expect(lesson.flow.nodes.length).toBeGreaterThan(0);
    expect(lesson.variables.length).toBeGreaterThan(0);
    expect(lesson.flow.caption.trim()).not.toBe('');
  });

  it('has unique ids everywhere', () => {
    expect(duplicates(stepIds)).toEqual([]);
    expect(duplicates(nodeIds)).toEqual([]);
    expect(duplicates(lesson.variables.map((v) => v.name))).toEqual([]);
    expect(duplicates(lesson.keyMoments.map((k) => k.id))).toEqual([]);
    expect(duplicates(lesson.practice.map((q) => q.id))).toEqual([]);
    expect(duplicates(lesson.syntax.examples.map((e) => e.id))).toEqual([]);
    expect(duplicates(scenarioIds)).toEqual([]);
  });

  it('opens with the happy path and offers the learner’s own values', () => {
    expect(scenarioIds[0]).toBe('valid');
    expect(scenarioIds).toContain(CUSTOM_SCENARIO);
    expect(getScenario(lesson, 'no-such-scenario').id).toBe('valid');
    for (const s of lesson.scenarios) {
      expect(s.title.trim(), s.id).not.toBe('');
      expect(s.description.trim(), s.id).not.toBe('');
      expect(s.expected === null, s.id).toBe(s.id === CUSTOM_SCENARIO);
    }
  });

  it('has a runner and run text for every step, and predictions only for steps it has', async () => {
    expect(Object.keys(await lesson.loadRunners()).sort()).toEqual([...stepIds].sort());
    expect(Object.keys(lesson.runText).sort()).toEqual([...stepIds].sort());
    for (const id of Object.keys(lesson.predictions)) expect(stepIds).toContain(id);
    for (const prediction of Object.values(lesson.predictions)) {
      const ids = prediction?.options.map((o) => o.id) ?? [];
      expect(ids).toContain(prediction?.success);
      if (prediction?.withoutCall) expect(ids).toContain(prediction.withoutCall);
    }
  });

  it('has speaker notes for every step and every scenario the presenter can pick', () => {
    expect(lesson.speakerNotes.opening.trim()).not.toBe('');
    expect(Object.keys(lesson.speakerNotes.steps).sort()).toEqual([...stepIds].sort());
    for (const notes of Object.values(lesson.speakerNotes.steps)) {
      expect(notes.say.length).toBeGreaterThan(0);
      expect(notes.point.length).toBeGreaterThan(0);
    }
    const presentable = presentableScenarios(lesson).map((s) => s.id);
    expect(Object.keys(lesson.speakerNotes.scenarios).sort()).toEqual([...presentable].sort());
  });

  it('has speaker notes for every outcome off the happy path, and none that shadow it', async () => {
    const core = await coreHarness();
    const valid = getScenario(lesson, 'valid');
    const happy = await runAll(
      { lesson, settings: valid.settings, treatment: valid.treatment },
      core.deps,
    );
    const happyOutcome = new Map(happy.map((r) => [r.stepId, r.outcome]));
    const missing: string[] = [];
    for (const [stepId, byOutcome] of Object.entries(lesson.runText)) {
      const own: Readonly<Record<string, unknown>> = lesson.speakerNotes.outcomes[stepId] ?? {};
      expect(own[happyOutcome.get(stepId) ?? ''], `${stepId} happy path`).toBeUndefined();
      for (const outcome of Object.keys(byOutcome))
        if (outcome !== happyOutcome.get(stepId) && !Object.hasOwn(own, outcome))
          missing.push(`${stepId}=${outcome}`);
    }
    expect(missing).toEqual([]);
    for (const [stepId, byOutcome] of Object.entries(lesson.speakerNotes.outcomes))
      for (const notes of Object.values(byOutcome ?? {})) {
        expect(notes?.say.length, stepId).toBeGreaterThan(0);
        expect(notes?.point.length, stepId).toBeGreaterThan(0);
      }
    // Every presentable run: off the happy path, the presenter reads that outcome's notes.
    for (const scenario of presentableScenarios(lesson)) {
      const trace = await runAll(
        { lesson, settings: scenario.settings, treatment: scenario.treatment },
        (await coreHarness()).deps,
      );
      for (const record of trace) {
        const notes = stepNotesFor(lesson.speakerNotes, record.stepId, record.outcome);
        const own = lesson.speakerNotes.steps[record.stepId];
        if (record.outcome === happyOutcome.get(record.stepId)) expect(notes).toBe(own);
        else expect(notes, `${scenario.id} ${record.stepId}`).not.toBe(own);
      }
    }
  });

  it('offers a terminal line only for scenarios whose whole story is one token request', () => {
    for (const [id, notes] of Object.entries(lesson.speakerNotes.scenarios)) {
      if (!notes?.terminal) continue;
      // The presenter's line is rendered from this record: it must be a token request.
      const request = buildTokenRequest(getScenario(lesson, id).settings, 'http://127.0.0.1:3000');
      expect(request.url, id).toBe('http://127.0.0.1:3000/token');
      expect(getScenario(lesson, id).treatment, id).toEqual(getScenario(lesson, 'valid').treatment);
    }
  });

  it('numbers its steps 1..n in order, each with narration', () => {
    expect(lesson.steps.map((s) => s.number)).toEqual(lesson.steps.map((_, i) => i + 1));
    for (const step of lesson.steps) {
      expect(step.title.trim(), step.id).not.toBe('');
      expect(step.narration.trim(), step.id).not.toBe('');
    }
  });

  it('points every step at a flow node of the same lesson', () => {
    for (const step of lesson.steps) expect(nodeIds, step.id).toContain(step.flowNode);
  });

  it('connects only existing flow nodes, with Yes and No arms on each decision', () => {
    for (const edge of lesson.flow.edges) {
      expect(nodeIds, `${edge.from} -> ${edge.to}`).toContain(edge.from);
      expect(nodeIds, `${edge.from} -> ${edge.to}`).toContain(edge.to);
    }
    for (const node of lesson.flow.nodes.filter((n) => n.kind === 'decision')) {
      const arms = lesson.flow.edges.filter((e) => e.from === node.id).map((e) => e.branch);
      expect(arms.sort(), node.id).toEqual(['no', 'yes']);
    }
    // Every node but the first is reachable by some arrow.
    const targets = new Set(lesson.flow.edges.map((e) => e.to));
    for (const id of nodeIds.slice(1)) expect(targets.has(id), id).toBe(true);
  });

  it('resolves every key moment to steps of the lesson', () => {
    for (const moment of lesson.keyMoments) {
      expect(moment.stepIds.length, moment.id).toBeGreaterThan(0);
      for (const id of moment.stepIds) expect(stepIds, moment.id).toContain(id);
      if (moment.scenario !== undefined) expect(scenarioIds, moment.id).toContain(moment.scenario);
    }
  });

  it('binds every visual quiz question to a step and scenario of the lesson', () => {
    for (const item of lesson.visualQuiz ?? []) {
      expect(stepIds, item.id).toContain(item.stepId);
      if (item.scenario !== undefined) expect(scenarioIds, item.id).toContain(item.scenario);
    }
  });

  it('gives each practice question exactly one correct answer and valid references', () => {
    for (const q of lesson.practice) {
      const optionIds = q.options.map((o) => o.id);
      expect(duplicates(optionIds), q.id).toEqual([]);
      expect(optionIds.length, q.id).toBeGreaterThanOrEqual(2);
      expect(
        optionIds.filter((id) => id === q.answer),
        q.id,
      ).toHaveLength(1);
      expect(q.solution.length, q.id).toBeGreaterThan(0);
      if (q.stepId !== undefined) expect(stepIds, q.id).toContain(q.stepId);
      if (q.scenario !== undefined) expect(scenarioIds, q.id).toContain(q.scenario);
    }
  });
});

describe('stepNumbers', () => {
  it('gives each step of a lesson its number, by id', () => {
    for (const lesson of lessons) {
      const numbers = stepNumbers(lesson);
      expect(Object.keys(numbers)).toHaveLength(lesson.steps.length);
      for (const step of lesson.steps) expect(numbers[step.id]).toBe(step.number);
    }
  });
});
