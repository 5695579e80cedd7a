'use client';

import { useCallback, useEffect, useState } from 'react';
import { browserDeps } from '@/lib/engine/browser-deps';
import { prepareTokenRequest } from '@/lib/engine/trace';
import { WithLessonRun } from '@/components/lessons/with-lesson-run';
import type { LessonExample, LessonRun } from '@/lib/lessons/types';
import type { HttpRequestRecord } from '@/lib/protocol/records';
import { RequestSamples } from './request-samples';

type State =
  | { readonly kind: 'preparing' }
  | { readonly kind: 'ready'; readonly request: HttpRequestRecord }
  | { readonly kind: 'failed'; readonly message: string };

/** The samples of the token request this browser prepares for the lesson, made afresh on demand. */
export function PreparedByRun({
  lessonSlug,
  examples,
}: {
  lessonSlug: string;
  examples: readonly LessonExample[];
}) {
  return (
    <WithLessonRun slug={lessonSlug}>
      {(lesson) => <LessonPreparedByRun lesson={lesson} examples={examples} />}
    </WithLessonRun>
  );
}

function LessonPreparedByRun({
  lesson,
  examples,
}: {
  lesson: LessonRun;
  examples: readonly LessonExample[];
}) {
  const [state, setState] = useState<State>({ kind: 'preparing' });
  const load = useCallback(
    () =>
      prepareTokenRequest(lesson, browserDeps()).then(
        (request): State => ({ kind: 'ready', request }),
        (e: unknown): State => ({
          kind: 'failed',
          message: e instanceof Error ? e.message : String(e),
        }),
      ),
    [lesson],
  );
  useEffect(() => {
    let live = true;
    void load().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [load]);

  return (
    <div className="space-y-4">
      <button
        type="button"
        disabled={state.kind === 'preparing'}
        onClick={() => {
          setState({ kind: 'preparing' });
          void load().then(setState);
        }}
        className="border-line hover:bg-raised rounded-md border px-4 py-2 font-medium disabled:opacity-60"
      >
        Sign a fresh request
      </button>
      <p role="status" aria-live="polite" className="text-muted text-sm">
        {state.kind === 'preparing'
          ? 'Signing a fresh assertion in this browser…'
          : state.kind === 'failed'
            ? `Could not prepare the request: ${state.message}`
            : 'Ready: a fresh request, signed in this browser.'}
      </p>
      {state.kind === 'ready' && (
        <RequestSamples key={state.request.body} examples={examples} request={state.request} />
      )}
    </div>
  );
}
