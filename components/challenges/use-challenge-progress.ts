'use client';

import { useEffect, useState } from 'react';
import { challengePaths, type ClientProgress } from '@/lib/challenges/protocol';
import type { TaskPass } from '@/lib/challenges/types';
import { readSse } from '@/lib/challenges/read-sse';
import type { LearnerClient } from './use-learner-client';

const REOPEN_DELAY_MS = 2000;

/** The state of the progress stream. */
export type ProgressStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The learner's passes in a lesson, live: a stream of this client's own progress only,
 * authorized by its registration access token (fetch, since EventSource cannot send it), reopened
 * after a drop. `onLost` runs when the server no longer knows the client (401).
 */
export function useChallengeProgress(
  lesson: string,
  client: LearnerClient | null,
  onLost: () => void,
) {
  const [passes, setPasses] = useState<readonly TaskPass[]>([]);
  const [status, setStatus] = useState<ProgressStatus>('connecting');

  useEffect(() => {
    if (!client) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = async () => {
      try {
        const res = await fetch(
          `${challengePaths.clientEvents(client.clientId)}?lesson=${encodeURIComponent(lesson)}`,
          {
            headers: { Authorization: `Bearer ${client.registrationAccessToken}` },
            signal: controller.signal,
            cache: 'no-store',
          },
        );
        if (res.status === 401) return onLost();
        if (res.ok && res.body) {
          await readSse(res.body, ({ event, data }) => {
            if (event !== 'progress') return;
            setPasses((JSON.parse(data) as ClientProgress).passes);
            setStatus('live');
          });
        }
      } catch {
        // dropped: reopened below
      }
      if (controller.signal.aborted) return;
      setStatus('reconnecting');
      timer = setTimeout(() => void open(), REOPEN_DELAY_MS);
    };
    void open();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [lesson, client, onLost]);

  return { passes, status };
}
