import { CheckList } from '@/components/live/check-list';
import { Badge } from '@/components/ui/badge';
import type { ExampleBlock } from '@/lib/challenges/examples';
import type { ChallengeTask, TaskPass } from '@/lib/challenges/types';
import { ExampleBlockList } from './example-block-list';

/**
 * One task: what to do, a hint, the RFC section, its blocks to copy (curl lines, claims to sign),
 * and once passed, what FlowLab saw.
 */
export function TaskCard({
  task,
  pass,
  blocks,
}: {
  task: ChallengeTask;
  pass: TaskPass | undefined;
  blocks: readonly ExampleBlock[];
}) {
  const r = pass?.request;
  return (
    <li
      className="border-line bg-surface rounded-lg border p-4"
      aria-label={`${task.title}: ${pass ? 'done' : 'not done yet'}`}
      data-task={task.id}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{task.title}</h3>
        {pass ? <Badge tone="ok">✓ Done</Badge> : <Badge>Not done yet</Badge>}
      </div>
      <p className="mt-1 text-sm">{task.todo}</p>
      <p className="text-muted mt-1 text-sm">
        <a className="underline" href={task.rfc.href} target="_blank" rel="noreferrer">
          {task.rfc.label}
        </a>
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer py-1 font-medium">Hint</summary>
        <p className="mt-1">{task.hint}</p>
      </details>
      {blocks.length > 0 && <ExampleBlockList blocks={blocks} of={task.title} />}
      {pass && r && (
        <div
          className="border-ok mt-3 border-l-4 pl-3 text-sm"
          role="group"
          aria-label="What FlowLab saw"
        >
          <p>
            Passed at{' '}
            <time dateTime={new Date(pass.at).toISOString()}>
              {new Date(pass.at).toLocaleTimeString()}
            </time>{' '}
            by{' '}
            <code className="font-mono">
              {r.method} {r.path}
            </code>{' '}
            → {r.status}
            {r.error ? ` ${r.error}` : ''}
            {r.authMethod ? ` (${r.authMethod})` : ''}
            {r.credential ? (
              <>
                , credential <code className="font-mono">{r.credential}</code>
              </>
            ) : null}
          </p>
          <CheckList checks={r.checks} />
        </div>
      )}
    </li>
  );
}
