import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import { LESSON_RUN_FIELDS, type LessonRun } from './types';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('each lesson’s run (<slug>/run.ts)', () => {
  it('exists for every lesson folder, and every folder is a listed lesson', () => {
    const folders = readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'index.ts')))
      .map((d) => d.name)
      .sort();
    expect(lessons.map((l) => l.slug).sort()).toEqual(folders);
    for (const slug of folders) expect(existsSync(join(here, slug, 'run.ts'))).toBe(true);
  });

  it('holds the very data of its lesson, field by field', async () => {
    for (const lesson of lessons) {
      const { run } = (await import(`./${lesson.slug}/run.ts`)) as { run: LessonRun };
      expect(run.slug).toBe(lesson.slug);
      expect(Object.keys(run).sort()).toEqual(
        LESSON_RUN_FIELDS.filter((f) => lesson[f] !== undefined).sort(),
      );
      for (const field of LESSON_RUN_FIELDS) expect(run[field]).toBe(lesson[field]);
    }
  });
});
