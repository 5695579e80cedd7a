import { describe, expect, it } from 'vitest';
import { scenarioIds } from '../engine/scenarios';
import { getLesson, lessons } from './index';

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
  const nodeIds = lesson.flow.nodes.map((n) => n.id);

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
