import { describe, expect, it } from 'vitest';
import { challenges } from '../lessons/client-credentials/challenges';
import { roomProgress } from './room-progress';
import type { TaskPass } from './types';

const pass = (taskId: string, at: number, lesson = 'client-credentials'): TaskPass => ({
  lesson,
  taskId,
  at,
  request: { at, endpoint: 'api', method: 'GET', path: '/api/data', status: 200, checks: [] },
});

describe('roomProgress', () => {
  it('counts per task the members who passed it, handles in the order they did', () => {
    const p = roomProgress({ lesson: 'client-credentials', tasks: challenges.tasks }, [
      { handle: 'Learner 1', passes: [pass('call-api', 20), pass('basic-token', 5)] },
      { handle: 'Learner 2', passes: [pass('call-api', 10), pass('call-api', 1, 'other-lesson')] },
      { handle: 'Learner 3', passes: [] },
    ]);
    expect(p.learners).toBe(3);
    expect(p.tasks.map((t) => t.taskId)).toEqual(challenges.tasks.map((t) => t.id));
    expect(p.tasks.find((t) => t.taskId === 'call-api')).toMatchObject({
      passed: 2,
      handles: ['Learner 2', 'Learner 1'],
    });
    expect(p.tasks.find((t) => t.taskId === 'basic-token')?.passed).toBe(1);
    expect(p.tasks.find((t) => t.taskId === 'reuse-token')?.passed).toBe(0);
  });
});
