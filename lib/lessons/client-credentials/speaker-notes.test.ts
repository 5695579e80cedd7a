import { describe, expect, it } from 'vitest';
import { scenarios } from '../../engine/scenarios';
import { lesson } from '.';
import { scenarioNotes, stepNotes } from './speaker-notes';

describe('speaker notes', () => {
  it('cover every step of the lesson, and only those', () => {
    expect(Object.keys(stepNotes).sort()).toEqual(lesson.steps.map((s) => s.id).sort());
    for (const notes of Object.values(stepNotes)) {
      expect(notes.say.length).toBeGreaterThan(0);
      expect(notes.point.length).toBeGreaterThan(0);
    }
  });

  it('cover every scenario the presenter can pick (all but the learner’s custom one)', () => {
    const presentable = scenarios.filter((s) => s.id !== 'custom').map((s) => s.id);
    expect(Object.keys(scenarioNotes).sort()).toEqual([...presentable].sort());
  });

  it('give terminal lines that target the token endpoint with the lesson’s clients', () => {
    for (const notes of Object.values(scenarioNotes)) {
      if (notes.terminal) expect(notes.terminal).toMatch(/^curl .*http:\/\/localhost:3000\/token/);
    }
  });
});
