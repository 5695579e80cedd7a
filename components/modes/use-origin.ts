'use client';

import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/** This app's origin in the browser; the documented default while rendering on the server. */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => 'http://localhost:3000',
  );
}
