'use client';

import { useEffect, useRef } from 'react';
import {
  isPresenterBroadcast,
  presenterChannelName,
  type PresenterBroadcast,
} from './presenter-channel';

/** Posts the presenter's position to the notes window, and answers its "hello" when it opens. */
export function useNotesBroadcast(lessonSlug: string, scenarioId: string, cursor: number) {
  const channel = useRef<BroadcastChannel | null>(null);
  const latest = useRef<PresenterBroadcast>({ type: 'state', scenarioId, cursor });

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
    latest.current = { type: 'state', scenarioId, cursor };
    channel.current?.postMessage(latest.current);
  }, [scenarioId, cursor]);
}
