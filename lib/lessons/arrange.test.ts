import { describe, expect, it } from 'vitest';
import { arrangeQuestion, rotateById } from './arrange';
import { writtenPractice as ccPractice } from './client-credentials/practice';
import { writtenPractice as keyPractice } from './client-credentials-private-key-jwt/practice';
import { lessons } from './index';
import type { PracticeQuestion } from './types';

const shownText = (q: PracticeQuestion) => [
  q.prompt,
  q.hint,
  ...q.solution,
  ...q.mistakes,
  ...q.options.map((o) => o.text),
];

describe('practice questions as learners see them', () => {
  it.each(lessons.map((l) => [l.slug, l] as const))(
    '%s: the right answer does not sit in one place',
    (_slug, lesson) => {
      const at = lesson.practice.map((q) => q.options.findIndex((o) => o.id === q.answer));
      expect(at.every((i) => i >= 0)).toBe(true);
      const most = Math.max(...[0, 1, 2, 3].map((i) => at.filter((a) => a === i).length));
      expect(most / at.length).toBeLessThanOrEqual(0.5);
    },
  );

  it.each(lessons.map((l) => [l.slug, l] as const))(
    '%s: every option reference is a letter, and the letters name the options they meant',
    (_slug, lesson) => {
      for (const q of lesson.practice)
        for (const t of shownText(q)) expect(t, q.id).not.toMatch(/\{[a-z]\}/);
      const raw = [...ccPractice, ...keyPractice].find((q) => q.id === 'json-body')!;
      const shown = lesson.practice.find((q) => q.id === 'json-body');
      if (!shown) return;
      // "{a} and {d} are out": the letters the options a and d show now
      const letter = (id: string) =>
        String.fromCharCode(65 + shown.options.findIndex((o) => o.id === id));
      expect(raw.solution[0]).toContain('{a} and {d} are out');
      expect(shown.solution[0]).toContain(`${letter('a')} and ${letter('d')} are out`);
    },
  );

  it('lesson text names options only as {id}, never by a letter that the order would change', () => {
    const bare =
      /\(([A-D])[ ,)]|\b[Ss]o [A-D][.:]|\b[A-D] (is|are|would) (out|tempting|the answer|allowed)|Answer [A-D]\b|rules out [A-D]\b|it is [A-D]\./;
    for (const q of [...ccPractice, ...keyPractice])
      for (const t of [q.hint, ...q.solution, ...q.mistakes]) expect(t, q.id).not.toMatch(bare);
  });

  it('refuses a reference to an option the question does not have', () => {
    const q = { ...ccPractice[0]!, hint: 'See {z}.' };
    expect(() => arrangeQuestion(q)).toThrow(/\{z\}/);
  });

  it('rotates by the id alone', () => {
    expect(rotateById('x', [1, 2, 3])).toEqual(rotateById('x', [1, 2, 3]));
    expect(rotateById('x', [])).toEqual([]);
    expect([...rotateById('q', ['a', 'b', 'c', 'd'])].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
