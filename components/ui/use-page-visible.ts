'use client';

import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/**
 * Whether this tab is shown (the Page Visibility API; true on the server and until hydrated). A
 * page's event streams close while it is hidden and open again, caught up, when it is shown: a
 * browser opens at most 6 connections to a plain `http://` server, and two presenter tabs with
 * a room each held all 6 with their streams, so no other request of either got an answer.
 */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.visibilityState !== 'hidden',
    () => true,
  );
}
