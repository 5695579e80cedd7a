'use client';

import { useEffect, useRef } from 'react';
import {
  isPresenterBroadcast,
  presenterChannelName,
  type NotesRecord,
  type PresenterBroadcast,
} from './presenter-channel';

/**
 * Posts the presenter's position, and the outcome of the record it shows, to the notes window;
 * answers the window's "hello" when it opens.
 */
export function useNotesBroadcast(
  lessonSlug: string,
  scenarioId: string,
  cursor: number,
  record: NotesRecord | null,
) {
  const channel = useRef<BroadcastChannel | null>(null);
  const latest = useRef<PresenterBroadcast>({ type: 'state', scenarioId, cursor, record: null });

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(presenterChannelName(lessonSlug));
    channel.current = bc;
    bc.onmessage = (e: MessageEvent) => {
      if (isPresenterBroadcast(e.data) && e.data.type === 'hello') bc.postMessage(latest.current);
    };
    return () => {
      channel.current = null;
      bc.close();
    };
  }, [lessonSlug]);

  useEffect(() => {
    // `record` is memoized by the presenter on the record it shows: a new one is a new step's
    latest.current = { type: 'state', scenarioId, cursor, record };
    channel.current?.postMessage(latest.current);
  }, [scenarioId, cursor, record]);
}
