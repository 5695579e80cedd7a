'use client';

import { useMemo } from 'react';
import { useOrigin } from '@/components/modes/use-origin';
import { Card } from '@/components/ui/card';
import { exampleBlocks, sampleBlocks } from '@/lib/challenges/examples';
import type { ChallengeSpec } from '@/lib/challenges/types';
import { AdoptClientForm } from './adopt-client-form';
import { ClientCard } from './client-card';
import { ExampleBlockList } from './example-block-list';
import { TaskCard } from './task-card';
import { useChallengeProgress } from './use-challenge-progress';
import { useLearnerClient } from './use-learner-client';
import { useRoomMembership } from './use-room-membership';

/** The Challenges mode: this browser's own client, the tasks, each checked off live. */
export function ChallengesWorkbench({ lesson, spec }: { lesson: string; spec: ChallengeSpec }) {
  const { tasks } = spec;
  const origin = useOrigin();
  const { client, problem, renew, lost, adopt } = useLearnerClient(lesson, spec.client);
  const { passes, status } = useChallengeProgress(lesson, client, lost);
  const rooms = useRoomMembership(client);
  const byTask = useMemo(() => new Map(passes.map((p) => [p.taskId, p])), [passes]);
  const done = tasks.filter((t) => byTask.has(t.id)).length;

  // with a key of the learner's own, the tasks show before the client exists: what to aim for
  const ownKeyToFollow = !client && spec.client === 'own-key' && problem !== 'error';
  if (!client && !ownKeyToFollow) {
    return (
      <p role="status" className="text-muted">
        {problem === 'busy'
          ? 'Many learners are registering right now; trying again shortly…'
          : problem === 'error'
            ? 'Could not register a client for this browser. Reload to try again.'
            : 'Registering your own client…'}
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {client ? (
        <ClientCard client={client} renew={renew} />
      ) : (
        <AdoptClientForm adopt={adopt} problem={problem} />
      )}
      <section aria-labelledby="tasks-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="tasks-heading" className="text-lg font-semibold">
            Tasks
          </h2>
          <p className="text-muted text-sm" role="status">
            {client
              ? `${done} of ${tasks.length} done`
              : `${tasks.length} tasks, checked off here once this page follows your client`}
            {status === 'live' ? ' · live' : status === 'reconnecting' ? ' · reconnecting…' : ''}
            {rooms.map((r) => ` · counted for room ${r.roomId} as ${r.handle}`).join('')}
          </p>
        </div>
        <ol className="space-y-3">
          {tasks.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              pass={byTask.get(task.id)}
              blocks={exampleBlocks(task.examples ?? [], client ?? undefined, origin)}
            />
          ))}
        </ol>
      </section>
      {spec.sample && (
        <Card title="The lesson’s sample program" aria-label="The lesson’s sample program">
          <p className="text-muted text-sm">
            Stuck, or want to read working code? This server hands out the lesson’s own program:
            fetch it into your terminal and run it here.
          </p>
          <ExampleBlockList
            blocks={sampleBlocks(spec.sample, client ?? undefined, origin)}
            of={spec.sample.file}
          />
        </Card>
      )}
    </div>
  );
}
