'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { webStorage } from '@/lib/store/web-storage';

/** What the presenter keeps of a room: its id, its secret key and the join path. */
export interface StoredRoom {
  readonly id: string;
  readonly key: string;
  readonly joinPath: string;
}

const listeners = new Set<() => void>();
const PREFIX = 'flowlab-room:';
const storageKey = (lesson: string) => `${PREFIX}${lesson}`;
/** This page's rooms when localStorage refuses them (disabled, full): they live with the page. */
const unsaved = new Map<string, string>();

const storage = () => webStorage('localStorage');

function readKey(key: string): string | null {
  const kept = unsaved.get(key);
  if (kept !== undefined) return kept;
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

const read = (lesson: string) => readKey(storageKey(lesson));

function write(key: string, value: string | null): void {
  unsaved.delete(key);
  const s = storage();
  try {
    if (value === null) s?.removeItem(key);
    else if (s) s.setItem(key, value);
    else unsaved.set(key, value);
  } catch {
    if (value !== null) unsaved.set(key, value);
  }
}

function notify(): void {
  for (const l of listeners) l();
}

function parse(raw: string | null): StoredRoom | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof StoredRoom, unknown>> | null;
    return typeof v?.id === 'string' && typeof v.key === 'string' && typeof v.joinPath === 'string'
      ? { id: v.id, key: v.key, joinPath: v.joinPath }
      : null;
  } catch {
    return null; // not ours, or cut short: no room (opening one replaces it)
  }
}

/**
 * The presenter's room for a lesson, kept in localStorage: every presenter tab of this browser
 * has it, and closing the tab by mistake loses nothing (the page opened again takes the room up).
 * The room key leaves this browser only in the X-Room-Key header. Forgotten when the room ends
 * or the server no longer knows it (`use-presenter-room.ts`) and at sign-out
 * ({@link forgetStoredRooms}).
 */
export function useStoredRoom(
  lesson: string,
): [StoredRoom | null, (room: StoredRoom | null) => void] {
  const raw = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      // another tab of this browser opened or ended the room
      window.addEventListener('storage', onChange);
      return () => {
        listeners.delete(onChange);
        window.removeEventListener('storage', onChange);
      };
    },
    () => read(lesson),
    () => null,
  );
  const room = useMemo(() => parse(raw), [raw]);
  const save = useCallback(
    (next: StoredRoom | null) => {
      write(storageKey(lesson), next && JSON.stringify(next));
      notify();
    },
    [lesson],
  );
  return [room, save];
}

/** The storage keys of the rooms kept, of every lesson, those only this page holds included. */
function storedKeys(): string[] {
  const s = storage();
  try {
    const keys = s ? Array.from({ length: s.length }, (_, i) => s.key(i)) : [];
    return [...new Set([...keys, ...unsaved.keys()])].filter(
      (key): key is string => key?.startsWith(PREFIX) ?? false,
    );
  } catch {
    return [...unsaved.keys()]; // storage refused: only this page's
  }
}

/** The rooms this browser presents, of every lesson. */
export function storedRooms(): StoredRoom[] {
  return storedKeys().flatMap((key) => {
    const room = parse(readKey(key));
    return room ? [room] : [];
  });
}

/**
 * Forgets the rooms of every lesson (signing out: the next instructor here starts afresh), or
 * only those of `ids`.
 */
export function forgetStoredRooms(ids?: ReadonlySet<string>): void {
  for (const key of storedKeys()) {
    const room = parse(readKey(key));
    if (!ids || !room || ids.has(room.id)) write(key, null);
  }
  notify();
}
