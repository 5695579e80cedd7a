'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** What the presenter keeps of a room: its id, its secret key and the join path. */
export interface StoredRoom {
  readonly id: string;
  readonly key: string;
  readonly joinPath: string;
}

const listeners = new Set<() => void>();
const storageKey = (lesson: string) => `flowlab-room:${lesson}`;

function read(lesson: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(lesson));
  } catch {
    return null;
  }
}

/**
 * The presenter's room for a lesson, kept in sessionStorage (per tab, gone when the tab
 * closes): the room key never leaves this tab except in the X-Room-Key header.
 */
export function useStoredRoom(
  lesson: string,
): [StoredRoom | null, (room: StoredRoom | null) => void] {
  const raw = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => read(lesson),
    () => null,
  );
  const room = useMemo(() => {
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as StoredRoom;
      return typeof parsed.id === 'string' && typeof parsed.key === 'string' ? parsed : null;
    } catch {
      return null;
    }
  }, [raw]);
  const save = useCallback(
    (next: StoredRoom | null) => {
      try {
        if (next) sessionStorage.setItem(storageKey(lesson), JSON.stringify(next));
        else sessionStorage.removeItem(storageKey(lesson));
      } catch {
        // Storage disabled: the room lives as long as this page.
      }
      for (const l of listeners) l();
    },
    [lesson],
  );
  return [room, save];
}
