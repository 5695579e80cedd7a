import { describe, expect, it } from 'vitest';
import { getScenario, scenarios } from '../../engine/scenarios';
import { buildTokenRequest } from '../../protocol/requests';
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

  it('offer a terminal line only for scenarios whose whole story is one token request', () => {
    const offered = Object.entries(scenarioNotes)
      .filter(([, notes]) => notes.terminal)
      .map(([id]) => id);
    expect(offered.length).toBeGreaterThan(0);
    for (const id of offered) {
      // The presenter's line is rendered from this record: it must be a token request.
      const request = buildTokenRequest(getScenario(id).settings, 'http://127.0.0.1:3000');
      expect(request.url).toBe('http://127.0.0.1:3000/token');
      expect(getScenario(id).treatment).toEqual(getScenario('valid').treatment);
    }
  });
});
