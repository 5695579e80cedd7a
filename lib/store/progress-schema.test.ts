import { describe, expect, it } from 'vitest';
import { lesson } from '@/lib/lessons/client-credentials';
import {
  PROGRESS_VERSION,
  emptyProgress,
  lessonProgress,
  practiceScores,
  reachStep,
  recordAnswer,
  visitMode,
  visualQuizScore,
} from './progress-schema';
import { migrateProgress, parseProgress } from './progress-parse';

const slug = 'client-credentials';

describe('parseProgress', () => {
  it('keeps well-formed progress as it is', () => {
    let data = visitMode(emptyProgress(), slug, 'intro', 10);
    data = reachStep(data, slug, 4, 'wrong-secret', 11);
    data = recordAnswer(data, slug, 'practice', 'purpose', 'a', true, 12);
    expect(parseProgress(JSON.parse(JSON.stringify(data)))).toEqual(data);
  });

  it.each([null, undefined, 42, 'x', [], { lessons: [] }, { lessons: 'no' }, {}])(
    'rejects %j as progress',
    (value) => {
      expect(parseProgress(value)).toBeNull();
    },
  );

  it('drops malformed entries and keeps the good ones', () => {
    const parsed = parseProgress({
      lessons: {
        [slug]: {
          modes: { intro: 5, flow: 'yesterday', '<script>': 1, quiz: -1 },
          lastStep: { step: 0, scenario: 'valid' },
          practice: {
            purpose: { choice: 'a', correct: true, attempts: 2, at: 3 },
            'http-method': { choice: 7, correct: true },
            'json-body': { choice: 'c', correct: 'yes' },
            expires: { choice: 'a', correct: false, attempts: 'lots' },
          },
          visualQuiz: 'garbage',
        },
        'not a slug!': { modes: {} },
        other: 'nope',
      },
    });
    expect(parsed).toEqual({
      lessons: {
        [slug]: {
          modes: { intro: 5 },
          lastStep: null,
          practice: {
            purpose: { choice: 'a', correct: true, attempts: 2, firstTry: false, at: 3 },
            expires: { choice: 'a', correct: false, attempts: 1, firstTry: false, at: 0 },
          },
          visualQuiz: {},
        },
      },
    });
  });

  it('bounds the number of entries it keeps', () => {
    const modes = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`m${i}`, i]));
    const parsed = parseProgress({ lessons: { [slug]: { modes } } });
    expect(Object.keys(lessonProgress(parsed!, slug).modes)).toHaveLength(200);
  });
});

describe('migrateProgress', () => {
  it('brings version 1 data to the current shape', () => {
    const v1 = {
      lessons: {
        [slug]: {
          visited: ['intro', 'practice', 3],
          answers: {
            purpose: { choice: 'a', correct: true },
            'http-method': { choice: 'a', correct: false },
          },
          lastStep: 5,
        },
      },
    };
    const migrated = migrateProgress(v1, 1);
    const l = lessonProgress(migrated, slug);
    expect(Object.keys(l.modes).sort()).toEqual(['intro', 'practice']);
    expect(l.lastStep).toEqual({ step: 5, scenario: 'valid', at: 0 });
    expect(l.practice.purpose).toMatchObject({
      choice: 'a',
      correct: true,
      attempts: 1,
      firstTry: true,
    });
    expect(l.practice['http-method']).toMatchObject({ correct: false, firstTry: false });
    expect(l.visualQuiz).toEqual({});
  });

  it('keeps what it reads of a newer version, and drops unknown older ones and garbage', () => {
    expect(
      migrateProgress({ lessons: { [slug]: { modes: { intro: 1 } } } }, PROGRESS_VERSION + 1)
        .lessons[slug]?.modes,
    ).toEqual({ intro: 1 });
    expect(migrateProgress({ anything: true }, PROGRESS_VERSION + 1)).toEqual(emptyProgress());
    expect(migrateProgress({ anything: true }, -3)).toEqual(emptyProgress());
    expect(migrateProgress('corrupt', 1)).toEqual(emptyProgress());
  });

  it('validates data that claims to be the current version', () => {
    expect(
      migrateProgress({ lessons: { [slug]: { modes: { intro: 'x' } } } }, PROGRESS_VERSION),
    ).toEqual({
      lessons: { [slug]: { modes: {}, lastStep: null, practice: {}, visualQuiz: {} } },
    });
  });
});

describe('answers and scores', () => {
  it('counts attempts and remembers whether the first try was right', () => {
    let data = recordAnswer(emptyProgress(), slug, 'practice', 'purpose', 'b', false, 1);
    data = recordAnswer(data, slug, 'practice', 'purpose', 'a', true, 2);
    expect(lessonProgress(data, slug).practice.purpose).toEqual({
      choice: 'a',
      correct: true,
      attempts: 2,
      firstTry: false,
      at: 2,
    });
  });

  it('scores practice per difficulty from the latest answers, ignoring unknown questions', () => {
    let data = emptyProgress();
    const easy = lesson.practice.filter((q) => q.difficulty === 'easy');
    const hard = lesson.practice.filter((q) => q.difficulty === 'hard');
    data = recordAnswer(data, slug, 'practice', easy[0]!.id, easy[0]!.answer, true, 1);
    data = recordAnswer(data, slug, 'practice', easy[1]!.id, 'zzz', false, 1);
    data = recordAnswer(data, slug, 'practice', hard[0]!.id, hard[0]!.answer, true, 1);
    data = recordAnswer(data, slug, 'practice', 'removed-question', 'a', true, 1);
    const scores = practiceScores(lessonProgress(data, slug), lesson);
    expect(scores.easy).toEqual({ correct: 1, answered: 2, total: easy.length });
    expect(scores.hard).toEqual({ correct: 1, answered: 1, total: hard.length });
    expect(scores.medium.answered).toBe(0);
    expect(scores.all).toEqual({ correct: 2, answered: 3, total: lesson.practice.length });
  });

  it('scores the visual quiz', () => {
    const data = recordAnswer(
      emptyProgress(),
      slug,
      'visualQuiz',
      'validation-step',
      'validate',
      true,
      1,
    );
    expect(visualQuizScore(lessonProgress(data, slug), lesson)).toEqual({
      correct: 1,
      answered: 1,
      total: 3,
    });
  });
});
