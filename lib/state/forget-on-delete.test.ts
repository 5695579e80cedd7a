import { describe, expect, it, vi } from 'vitest';
import { MemoryRegistrationStore } from '../oauth/registration-store';
import type { StoredRegistration } from '../oauth/registration-store';
import type { TaskPass } from '../challenges/types';
import { EMPTY_MEMORY } from '../challenges/grader';
import { MemoryChallengeStore } from './challenge-store';
import { forgettingProgressOnDelete } from './forget-on-delete';

const registration = (clientId: string) =>
  ({ clientId, expiresAt: Date.now() + 3_600_000 }) as unknown as StoredRegistration;
const pass = (taskId: string): TaskPass => ({
  lesson: 'client-credentials',
  taskId,
  at: 1,
  request: { at: 1, endpoint: 'token', method: 'POST', path: '/token', status: 200, checks: [] },
});

describe('forgettingProgressOnDelete', () => {
  it('deleting a client forgets its passes, and only its own; the room keeps its member', async () => {
    const progress = new MemoryChallengeStore();
    const store = forgettingProgressOnDelete(new MemoryRegistrationStore(), async () => progress);
    for (const id of ['learner-a', 'learner-b']) {
      expect(await store.create(registration(id), 10)).toBe(true);
      await progress.record(id, EMPTY_MEMORY, [pass('basic-token')]);
      await progress.join('room1', id);
    }
    const heard = vi.fn();
    await progress.subscribe(heard);
    expect(await store.delete('learner-a')).toBe(true);
    expect(await store.get('learner-a')).toBeNull();
    expect((await progress.load('learner-a')).passes).toEqual([]);
    expect((await progress.load('learner-b')).passes).toHaveLength(1);
    expect(heard).toHaveBeenCalledWith({ type: 'cleared', clientId: 'learner-a' });
    expect((await progress.members('room1')).map((m) => m.clientId)).toContain('learner-a');
  });

  it('a client that was not there forgets nothing; a progress store that fails does not undo the deletion', async () => {
    const progress = new MemoryChallengeStore();
    await progress.record('learner-x', EMPTY_MEMORY, [pass('basic-token')]);
    const none = forgettingProgressOnDelete(new MemoryRegistrationStore(), async () => progress);
    expect(await none.delete('learner-x')).toBe(false);
    expect((await progress.load('learner-x')).passes).toHaveLength(1);

    const onError = vi.fn();
    const broken = forgettingProgressOnDelete(
      new MemoryRegistrationStore(),
      () => Promise.reject(new Error('redis down')),
      onError,
    );
    await broken.create(registration('learner-y'), 10);
    expect(await broken.delete('learner-y')).toBe(true);
    expect(await broken.get('learner-y')).toBeNull();
    expect(onError).toHaveBeenCalledOnce();
  });
});
