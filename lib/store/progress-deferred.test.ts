// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_STORAGE_KEY } from './progress-schema';

const slug = 'client-credentials';

function storedLesson(): { modes?: Record<string, number>; lastStep?: { step: number } } | null {
  const raw = JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? 'null');
  return raw?.state?.lessons?.[slug] ?? null;
}

beforeEach(() => {
  localStorage.clear();
  vi.resetModules();
});

describe('withProgress', () => {
  it('waits for the load event, then runs the tasks in order with one store', async () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const { withProgress } = await import('./progress-deferred');
    const seen: string[] = [];
    withProgress((p) => {
      seen.push('visit');
      p.recordModeVisit(slug, 'step');
    });
    withProgress((p) => {
      seen.push('step');
      p.recordStep(slug, 3, 'valid');
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    expect(storedLesson()).toBeNull();

    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    window.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(seen).toEqual(['visit', 'step']));
    expect(storedLesson()?.modes?.step).toBeTypeOf('number');
    expect(storedLesson()?.lastStep?.step).toBe(3);

    // once loaded, a task runs at once
    let ranAt = '';
    withProgress(() => {
      ranAt = 'sync';
    });
    expect(ranAt).toBe('sync');
  });
});
