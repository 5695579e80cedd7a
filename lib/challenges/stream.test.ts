import { describe, expect, it } from 'vitest';
import { MemoryChallengeStore } from '../state/challenge-store';
import { EMPTY_MEMORY } from './grader';
import { readSse } from './read-sse';
import { createSnapshotStream } from './stream';
import type { TaskPass } from './types';

const pass = (clientId: string, taskId: string): TaskPass => ({
  lesson: clientId,
  taskId,
  at: 1,
  request: { at: 1, endpoint: 'api', method: 'GET', path: '/api/data', status: 200, checks: [] },
});

/** Reads `event: progress` data until `count` arrived. */
async function readEvents(body: ReadableStream<Uint8Array>, count: number): Promise<unknown[]> {
  const found: unknown[] = [];
  const controller = new AbortController();
  const done = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve()),
  );
  const reading = readSse(body, ({ event, data }) => {
    if (event !== 'progress') return;
    found.push(JSON.parse(data));
    if (found.length >= count) controller.abort();
  });
  await Promise.race([reading, done]);
  return found;
}

describe('createSnapshotStream', () => {
  it('sends a snapshot at once, then one after each change that concerns it, never others', async () => {
    const store = new MemoryChallengeStore();
    const controller = new AbortController();
    const body = createSnapshotStream({
      store,
      event: 'progress',
      concerns: (m) => m.type === 'pass' && m.clientId === 'learner-me',
      snapshot: async () => (await store.load('learner-me')).passes.map((p) => p.taskId),
      signal: controller.signal,
    });
    const events = readEvents(body, 2);
    await new Promise((r) => setTimeout(r, 20));
    await store.record('learner-other', EMPTY_MEMORY, [pass('learner-other', 'secret-task')]);
    await store.record('learner-me', EMPTY_MEMORY, [pass('learner-me', 'call-api')]);
    expect(await events).toEqual([[], ['call-api']]);
    controller.abort();
  });
});
