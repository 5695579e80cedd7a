/**
 * The process-wide live hub: the request feed and the room registry, created once per process
 * and cached on `globalThis` (the App Router may load a module more than once, and every route
 * must see the same feed and rooms). Framework-free: the Next wiring attaches the auth server's
 * event source with {@link attachEventSource}.
 */
import type { AuthEventSink } from '../oauth/events';
import { InMemoryFeedStore, type FeedStore } from './feed';
import { RoomRegistry } from './rooms';

/** Anything that reports auth events: the auth server's process-wide subscription point. */
export interface AuthEventSource {
  subscribe(listener: AuthEventSink): () => void;
}

export interface LiveHub {
  readonly feed: FeedStore;
  readonly rooms: RoomRegistry;
  /** Open SSE connections, by kind (for the stats route and the load test). */
  readonly connections: { feed: number; rooms: number };
}

interface HubState {
  readonly hub: LiveHub;
  readonly attached: WeakSet<AuthEventSource>;
}

const HUB_KEY = Symbol.for('flowlab.live.hub');
/** How often idle rooms are swept even when nobody touches them. */
const SWEEP_INTERVAL_MS = 60_000;

function state(): HubState {
  const g = globalThis as typeof globalThis & { [HUB_KEY]?: HubState };
  let s = g[HUB_KEY];
  if (!s) {
    const rooms = new RoomRegistry();
    const timer = setInterval(() => rooms.sweep(), SWEEP_INTERVAL_MS);
    (timer as { unref?: () => void }).unref?.();
    s = {
      hub: { feed: new InMemoryFeedStore(), rooms, connections: { feed: 0, rooms: 0 } },
      attached: new WeakSet(),
    };
    g[HUB_KEY] = s;
  }
  return s;
}

/** The process's live hub (created on first use). */
export function getLiveHub(): LiveHub {
  return state().hub;
}

/** Feeds the hub from an event source; attaching the same source twice is a no-op. */
export function attachEventSource(source: AuthEventSource): LiveHub {
  const s = state();
  if (!s.attached.has(source)) {
    s.attached.add(source);
    source.subscribe((event) => {
      void s.hub.feed.append(event);
    });
  }
  return s.hub;
}
