import Link from 'next/link';
import { ModeHeading } from '@/components/modes/mode-heading';
import { lessonFromParams, modeMetadata, type LessonParams } from '@/components/modes/mode-page';
import { NextModeLink } from '@/components/modes/next-mode-link';
import { FlowDiagram } from '@/components/stepper/flow-diagram';
import { stepHref } from '@/lib/engine/deep-link';
import type { ActorId } from '@/lib/lessons/types';

/** The tab title and description of the concept flow mode. */
export const generateMetadata = modeMetadata('flow');

const actors: readonly { id: ActorId; name: string; tone: string }[] = [
  { id: 'client', name: 'Client', tone: 'border-client' },
  { id: 'auth-server', name: 'Authorization server', tone: 'border-authz' },
  { id: 'api', name: 'Protected API', tone: 'border-api' },
];

const kindLabel = { action: 'action', decision: 'decision', outcome: 'outcome' } as const;

/** The concept flow mode: the diagram of who talks to whom, with every node explained. */
export default async function FlowPage({ params }: LessonParams) {
  const lesson = await lessonFromParams(params);
  return (
    <article>
      <ModeHeading mode="flow" lessonTitle={lesson.title} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="border-line bg-surface rounded-lg border p-3">
          <FlowDiagram lesson={lesson} />
        </div>
        <div>
          <h2 className="mb-2 text-xl font-semibold">In a nutshell</h2>
          <p className="leading-relaxed">{lesson.flow.caption}</p>
          <p className="text-muted mt-3 text-sm">
            Decisions have two arms: <span className="text-ok font-semibold">Yes</span> leads on,{' '}
            <span className="text-err font-semibold">No</span> ends in an error response.
          </p>
        </div>
      </div>
      <section aria-labelledby="nodes" className="mt-8">
        <h2 id="nodes" className="mb-3 text-xl font-semibold">
          Every node explained
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {actors.map((actor) => (
            <section
              key={actor.id}
              aria-labelledby={`actor-${actor.id}`}
              className={`rounded-lg border-t-4 ${actor.tone} bg-surface p-4`}
            >
              <h3 id={`actor-${actor.id}`} className="mb-2 font-semibold">
                {actor.name}
              </h3>
              <dl className="space-y-3">
                {lesson.flow.nodes
                  .filter((n) => n.actor === actor.id)
                  .map((node) => {
                    const step = lesson.steps.find((s) => s.flowNode === node.id);
                    return (
                      <div key={node.id}>
                        <dt className="font-medium">
                          {node.label}{' '}
                          <span className="text-muted text-xs font-normal">
                            ({kindLabel[node.kind]})
                          </span>
                        </dt>
                        <dd className="text-sm">
                          {node.description}{' '}
                          {step ? (
                            <Link
                              href={stepHref(lesson.slug, { step: step.number })}
                              className="text-accent underline"
                            >
                              Step {step.number}
                            </Link>
                          ) : null}
                        </dd>
                      </div>
                    );
                  })}
              </dl>
            </section>
          ))}
        </div>
      </section>
      <NextModeLink lesson={lesson.slug} current="flow" />
    </article>
  );
}
