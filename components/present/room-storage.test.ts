// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetStoredRooms, storedRooms, useStoredRoom, type StoredRoom } from './room-storage';

const room: StoredRoom = { id: 'abc123', key: 'secret', joinPath: '/follow/abc123' };
const key = 'flowlab-room:client-credentials';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('useStoredRoom', () => {
  it('keeps the room in localStorage, where a page opened later finds it', () => {
    const first = renderHook(() => useStoredRoom('client-credentials'));
    act(() => first.result.current[1](room));
    expect(first.result.current[0]).toEqual(room);
    expect(JSON.parse(localStorage.getItem(key)!)).toEqual(room);
    first.unmount();
    const reopened = renderHook(() => useStoredRoom('client-credentials'));
    expect(reopened.result.current[0]).toEqual(room);
    expect(renderHook(() => useStoredRoom('other-lesson')).result.current[0]).toBeNull();
    act(() => reopened.result.current[1](null));
    expect(localStorage.getItem(key)).toBeNull();
    expect(reopened.result.current[0]).toBeNull();
  });

  it('takes up a room another tab opened or ended', () => {
    const tab = renderHook(() => useStoredRoom('client-credentials'));
    act(() => {
      localStorage.setItem(key, JSON.stringify(room));
      window.dispatchEvent(new StorageEvent('storage', { key }));
    });
    expect(tab.result.current[0]).toEqual(room);
    act(() => {
      localStorage.removeItem(key);
      window.dispatchEvent(new StorageEvent('storage', { key }));
    });
    expect(tab.result.current[0]).toBeNull();
  });

  it('reads what is not a room as no room', () => {
    for (const raw of ['{"id":"abc', 'null', '[]', JSON.stringify({ id: 'abc123', key: 'k' })]) {
      localStorage.setItem(key, raw);
      expect(renderHook(() => useStoredRoom('client-credentials')).result.current[0]).toBeNull();
    }
  });

  it('keeps the room for the page when storage refuses it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const full = renderHook(() => useStoredRoom('client-credentials'));
    act(() => full.result.current[1](room));
    expect(full.result.current[0]).toEqual(room);
    act(() => full.result.current[1](null));
    expect(full.result.current[0]).toBeNull();
    vi.restoreAllMocks();

    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const disabled = renderHook(() => useStoredRoom('client-credentials'));
    expect(disabled.result.current[0]).toBeNull();
    act(() => disabled.result.current[1](room));
    expect(disabled.result.current[0]).toEqual(room);
    act(() => forgetStoredRooms());
    expect(disabled.result.current[0]).toBeNull();
  });
});

describe('forgetStoredRooms', () => {
  it('forgets the room of every lesson and nothing else', () => {
    const tab = renderHook(() => useStoredRoom('client-credentials'));
    act(() => tab.result.current[1](room));
    localStorage.setItem('flowlab-room:another', JSON.stringify(room));
    localStorage.setItem('flowlab-follow:abc123', '{}');
    act(() => forgetStoredRooms());
    expect(tab.result.current[0]).toBeNull();
    expect(localStorage.getItem('flowlab-room:another')).toBeNull();
    expect(localStorage.getItem('flowlab-follow:abc123')).toBe('{}');
  });
});

describe('storedRooms', () => {
  it('lists the room of every lesson, those storage refused included, and no other entry', () => {
    const other: StoredRoom = { id: 'def456', key: 'k2', joinPath: '/follow/def456' };
    const tab = renderHook(() => useStoredRoom('client-credentials'));
    act(() => tab.result.current[1](room));
    localStorage.setItem('flowlab-room:another', JSON.stringify(other));
    localStorage.setItem('flowlab-room:broken', '{"id":');
    localStorage.setItem('flowlab-follow:abc123', JSON.stringify(room));
    expect(storedRooms().sort((a, b) => a.id.localeCompare(b.id))).toEqual([room, other]);

    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const third: StoredRoom = { id: 'ghi789', key: 'k3', joinPath: '/follow/ghi789' };
    const full = renderHook(() => useStoredRoom('third-lesson'));
    act(() => full.result.current[1](third));
    expect(
      storedRooms()
        .map((r) => r.id)
        .sort(),
    ).toEqual(['abc123', 'def456', 'ghi789']);
    act(() => forgetStoredRooms());
    expect(storedRooms()).toEqual([]);
  });
});

describe('forgetStoredRooms(ids)', () => {
  it('forgets only the rooms named, and what is not a room', () => {
    const other: StoredRoom = { id: 'def456', key: 'k2', joinPath: '/follow/def456' };
    localStorage.setItem(key, JSON.stringify(room));
    localStorage.setItem('flowlab-room:another', JSON.stringify(other));
    localStorage.setItem('flowlab-room:broken', '{"id":');
    act(() => forgetStoredRooms(new Set(['abc123'])));
    expect(storedRooms()).toEqual([other]);
    expect(localStorage.getItem('flowlab-room:broken')).toBeNull();
    act(() => forgetStoredRooms(new Set()));
    expect(storedRooms()).toEqual([other]);
  });
});
