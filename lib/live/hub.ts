/**
 * The process-wide live hub: the request feed and the rooms' store, created once per process
 * and cached on `globalThis` (the App Router may load a module more than once, and every route
 * must see the same feed and rooms). Framework-free: the Next wiring attaches the auth server's
 * event source with {@link attachEventSource} and chooses the stores.
 */
import { INSTRUCTOR_CLIENT_ID } from '../oauth/clients';
import type { AuthEvent, AuthEventSource } from '../oauth/events';
import { InMemoryFeedStore, type FeedStore } from './feed';
import { MemoryRoomStore } from './room-store-memory';
import type { RoomStore } from './room-store';

/** Kinds of live connection the hub counts. */
export type ConnectionKind = 'feed' | 'rooms';

/** Feed streams one process serves at most (the presenter's views; a room has one or two). */
export const MAX_FEED_STREAMS = 100;

/** The live state of one process. */
export interface LiveHub {
  readonly feed: FeedStore;
  readonly rooms: RoomStore;
  /** Open SSE connections, by kind (for the stats route, the caps and the load test). */
  readonly connections: Record<ConnectionKind, number>;
}

/** The stores a hub is built on (default: this process's memory). */
export interface LiveStores {
  readonly feed: FeedStore;
  readonly rooms: RoomStore;
}

const inMemory = (): LiveStores => ({
  feed: new InMemoryFeedStore(),
  rooms: new MemoryRoomStore(),
});

interface HubState {
  readonly hub: LiveHub;
  readonly attached: WeakSet<AuthEventSource>;
}

const HUB_KEY = Symbol.for('flowlab.live.hub');
/** How often idle rooms are swept even when nobody touches them. */
const SWEEP_INTERVAL_MS = 60_000;

function state(createStores: () => LiveStores = inMemory): HubState {
  const g = globalThis as typeof globalThis & { [HUB_KEY]?: HubState };
  let s = g[HUB_KEY];
  if (!s) {
    const { feed, rooms } = createStores();
    const timer = setInterval(() => {
      rooms.sweep().catch(() => undefined); // an unreachable store is swept next time
    }, SWEEP_INTERVAL_MS);
    (timer as { unref?: () => void }).unref?.();
    s = {
      hub: { feed, rooms, connections: { feed: 0, rooms: 0 } },
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

/**
 * What the feed may keep of an event. A request naming the instructor's client never keeps its
 * credential: the feed is shown on a projector, and a reveal there must never put the instructor
 * key (or a near miss of it, or the presenter's token) in front of the room.
 */
export function feedableEvent(event: AuthEvent): AuthEvent {
  if (event.clientId !== INSTRUCTOR_CLIENT_ID || event.credential === undefined) return event;
  const { credential: _dropped, ...rest } = event;
  return rest;
}

/**
 * Feeds the hub from an event source; attaching the same source twice is a no-op. The call that
 * creates the hub may choose its stores (default: this process's memory).
 */
export function attachEventSource(
  source: AuthEventSource,
  createStores?: () => LiveStores,
): LiveHub {
  const s = state(createStores);
  if (!s.attached.has(source)) {
    s.attached.add(source);
    source.subscribe((event) => {
      s.hub.feed.append(feedableEvent(event)).catch((e: unknown) => {
        console.error(`FlowLab: an event could not be added to the feed: ${(e as Error).message}`);
      });
    });
  }
  return s.hub;
}

/** Counts one open connection of a kind; returns the function that uncounts it (once). */
export function countConnection(hub: LiveHub, kind: ConnectionKind): () => void {
  hub.connections[kind] += 1;
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    hub.connections[kind] -= 1;
  };
}
