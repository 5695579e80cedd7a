'use client';

import { useEffect, useState } from 'react';
import { requireLesson } from '@/lib/lessons';
import { getScenario } from '@/lib/engine/scenarios';
import {
  isPresenterBroadcast,
  presenterChannelName,
  type PresenterBroadcast,
} from './presenter-channel';
import { SpeakerNotes } from './speaker-notes-panel';

/** The second-screen speaker notes: follows the presenter tab over a BroadcastChannel. */
export function NotesWindow({ lessonSlug }: { lessonSlug: string }) {
  const lesson = requireLesson(lessonSlug);
  const [position, setPosition] = useState<Omit<
    Extract<PresenterBroadcast, { type: 'state' }>,
    'type'
  > | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(presenterChannelName(lesson.slug));
    bc.onmessage = (e: MessageEvent) => {
      if (isPresenterBroadcast(e.data) && e.data.type === 'state') {
        const { scenarioId, cursor, record } = e.data;
        setPosition({ scenarioId, cursor, record });
      }
    };
    const hello: PresenterBroadcast = { type: 'hello' };
    bc.postMessage(hello);
    return () => bc.close();
  }, [lesson.slug]);

  return (
    <div className="mx-auto max-w-4xl p-6">
      <h1 className="text-3xl font-bold">Speaker notes · {lesson.title}</h1>
      {position ? (
        <>
          <p className="text-muted mt-1 text-xl" aria-live="polite" data-testid="notes-position">
            Scenario: {getScenario(lesson, position.scenarioId).title} ·{' '}
            {position.cursor === 0 ? 'Start' : `step ${position.cursor} of ${lesson.steps.length}`}
          </p>
          <div className="mt-4">
            <SpeakerNotes
              lesson={lesson}
              cursor={position.cursor}
              scenarioId={position.scenarioId}
              record={position.record}
              large
            />
          </div>
        </>
      ) : (
        <p className="mt-4 text-xl" role="status">
          Waiting for the presenter view… Open{' '}
          <code className="font-mono">/present/{lesson.slug}</code> in another window of this
          browser; these notes follow it.
        </p>
      )}
    </div>
  );
}
