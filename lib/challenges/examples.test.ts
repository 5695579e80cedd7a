import { describe, expect, it } from 'vitest';
import { challenges } from '../lessons/client-credentials/challenges';
import { makeServer } from '../oauth/test-support';
import { exampleCurls, exampleRequest } from './examples';
import { grade, EMPTY_MEMORY } from './grader';
import { observe } from './observe';

const client = { clientId: 'lockout-demo', clientSecret: 'lockout-secret' };
const origin = 'http://flowlab.test';

describe('task examples', () => {
  it('renders curl lines at the given origin with the learner’s client', () => {
    const task = challenges.tasks.find((t) => t.id === 'basic-token')!;
    const [line] = exampleCurls(task.examples!, client, origin);
    expect(line).toMatch(/^curl -i -X POST http:\/\/flowlab\.test\/token/);
    expect(line).toContain(`Authorization: Basic ${btoa('lockout-demo:lockout-secret')}`);
  });

  it('each token-endpoint example, sent as is, passes its own task', async () => {
    const { server, events } = await makeServer();
    for (const id of ['basic-token', 'invalid-scope', 'two-methods']) {
      const task = challenges.tasks.find((t) => t.id === id)!;
      const record = exampleRequest(task.examples![0]!, client, origin);
      await server.token(
        new Request(record.url, {
          method: record.method,
          headers: record.headers.map(([n, v]) => [n, v] as [string, string]),
          body: record.body,
        }),
      );
      const passed = grade(
        [{ lesson: 'l', tasks: [task] }],
        EMPTY_MEMORY,
        observe(events.at(-1)!)!,
        new Set(),
      ).passed;
      expect(passed.map((p) => p.taskId)).toEqual([id]);
    }
  });
});
