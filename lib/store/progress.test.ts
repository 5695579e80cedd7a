// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { PROGRESS_STORAGE_KEY, PROGRESS_VERSION, lessonProgress } from './progress-schema';
import { createProgressStore, createSafeStorage, startProgressSync } from './progress';

const slug = 'client-credentials';

beforeEach(() => localStorage.clear());

function stored(): { state: unknown; version: number } {
  return JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? 'null');
}

describe('progress store', () => {
  it('persists actions to localStorage with the current version', () => {
    const store = createProgressStore();
    store.getState().visitMode(slug, 'intro');
    store.getState().recordStep(slug, 4, 'valid');
    store.getState().answer(slug, 'practice', 'purpose', 'a', true);
    expect(stored().version).toBe(PROGRESS_VERSION);
    const again = createProgressStore();
    again.persist.rehydrate();
    const l = lessonProgress(again.getState(), slug);
    expect(Object.keys(l.modes)).toEqual(['intro']);
    expect(l.lastStep).toMatchObject({ step: 4, scenario: 'valid' });
    expect(l.practice.purpose).toMatchObject({ choice: 'a', correct: true });
  });

  it('hydrates before its first write, so a write never clobbers stored progress', () => {
    createProgressStore().getState().answer(slug, 'practice', 'purpose', 'a', true);
    const fresh = createProgressStore(); // not hydrated yet, as on a new page
    expect(fresh.persist.hasHydrated()).toBe(false);
    fresh.getState().visitMode(slug, 'flow');
    const l = lessonProgress(fresh.getState(), slug);
    expect(l.practice.purpose).toBeDefined();
    expect(l.modes.flow).toBeTypeOf('number');
  });

  it.each([
    ['not JSON', '{"state": {lessons'],
    ['JSON but not an object', '"hello"'],
    ['no state', '{"version": 2}'],
    [
      'wrong types',
      JSON.stringify({
        state: { lessons: { [slug]: { modes: 'x', practice: [1, 2] } } },
        version: 2,
      }),
    ],
    ['null state', JSON.stringify({ state: null, version: 2 })],
  ])('survives corrupt stored data (%s) and keeps working', (_label, raw) => {
    localStorage.setItem(PROGRESS_STORAGE_KEY, raw);
    const store = createProgressStore();
    store.persist.rehydrate();
    expect(store.persist.hasHydrated()).toBe(true);
    expect(lessonProgress(store.getState(), slug).modes.intro).toBeUndefined();
    store.getState().visitMode(slug, 'quiz');
    expect(lessonProgress(createProgressStoreHydrated().getState(), slug).modes.quiz).toBeTypeOf(
      'number',
    );
  });

  it('keeps what it can read of progress a newer version wrote', () => {
    localStorage.setItem(
      PROGRESS_STORAGE_KEY,
      JSON.stringify({
        state: { lessons: { [slug]: { modes: { intro: 1, 'some-new-mode': 2 } } } },
        version: 99,
      }),
    );
    const store = createProgressStoreHydrated();
    expect(lessonProgress(store.getState(), slug).modes.intro).toBe(1);
  });

  it('migrates version 1 data on read and writes it back in the new shape', () => {
    localStorage.setItem(
      PROGRESS_STORAGE_KEY,
      JSON.stringify({
        state: { lessons: { [slug]: { visited: ['intro'], answers: {}, lastStep: 3 } } },
        version: 1,
      }),
    );
    const store = createProgressStoreHydrated();
    expect(lessonProgress(store.getState(), slug).lastStep).toMatchObject({
      step: 3,
      scenario: 'valid',
    });
    expect(stored().version).toBe(PROGRESS_VERSION);
  });

  it('resets to empty', () => {
    const store = createProgressStoreHydrated();
    store.getState().answer(slug, 'visualQuiz', 'validation-step', 'validate', true);
    store.getState().reset();
    expect(store.getState().lessons).toEqual({});
    expect(createProgressStoreHydrated().getState().lessons).toEqual({});
  });

  it('follows writes made by another tab (storage event)', () => {
    const tabA = createProgressStoreHydrated();
    const tabB = createProgressStoreHydrated();
    const stop = startProgressSync(tabB, window);
    tabA.getState().answer(slug, 'practice', 'purpose', 'a', true);
    window.dispatchEvent(new StorageEvent('storage', { key: PROGRESS_STORAGE_KEY }));
    expect(lessonProgress(tabB.getState(), slug).practice.purpose).toBeDefined();
    stop();
    tabA.getState().reset();
    window.dispatchEvent(new StorageEvent('storage', { key: PROGRESS_STORAGE_KEY }));
    expect(lessonProgress(tabB.getState(), slug).practice.purpose).toBeDefined(); // no longer listening
  });

  it('works in memory when storage is unavailable', () => {
    const store = createProgressStore(() => {
      throw new Error('SecurityError');
    });
    store.getState().visitMode(slug, 'intro');
    expect(lessonProgress(store.getState(), slug).modes.intro).toBeTypeOf('number');
  });
});

describe('createSafeStorage', () => {
  it('removes a corrupt item so it cannot fail twice', () => {
    localStorage.setItem('k', '{oops');
    const storage = createSafeStorage(() => localStorage);
    expect(storage.getItem('k')).toBeNull();
    expect(localStorage.getItem('k')).toBeNull();
  });
});

function createProgressStoreHydrated() {
  const store = createProgressStore();
  store.persist.rehydrate();
  return store;
}
