/**
 * The process-wide live hub: the request feed and the room registry, created once per process
 * and cached on `globalThis` (the App Router may load a module more than once, and every route
 * must see the same feed and rooms). Framework-free: the Next wiring attaches the auth server's
 * event source with {@link attachEventSource}.
 */
import { INSTRUCTOR_CLIENT_ID } from '../oauth/clients';
import type { AuthEvent, AuthEventSource } from '../oauth/events';
import { InMemoryFeedStore, type FeedStore } from './feed';
import { RoomRegistry } from './rooms';

/** Kinds of live connection the hub counts. */
export type ConnectionKind = 'feed' | 'rooms';

/** Feed streams one process serves at most (the presenter's views; a room has one or two). */
export const MAX_FEED_STREAMS = 100;

/** The live state of one process. */
export interface LiveHub {
  readonly feed: FeedStore;
  readonly rooms: RoomRegistry;
  /** Open SSE connections, by kind (for the stats route, the caps and the load test). */
  readonly connections: Record<ConnectionKind, number>;
}

interface HubState {
  readonly hub: LiveHub;
  readonly attached: WeakSet<AuthEventSource>;
}

const HUB_KEY = Symbol.for('flowlab.live.hub');
/** How often idle rooms are swept even when nobody touches them. */
const SWEEP_INTERVAL_MS = 60_000;

function state(createFeed: () => FeedStore = () => new InMemoryFeedStore()): HubState {
  const g = globalThis as typeof globalThis & { [HUB_KEY]?: HubState };
  let s = g[HUB_KEY];
  if (!s) {
    const rooms = new RoomRegistry();
    const timer = setInterval(() => rooms.sweep(), SWEEP_INTERVAL_MS);
    (timer as { unref?: () => void }).unref?.();
    s = {
      hub: { feed: createFeed(), rooms, connections: { feed: 0, rooms: 0 } },
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
 * creates the hub may choose the feed's store (default: this process's memory).
 */
export function attachEventSource(source: AuthEventSource, createFeed?: () => FeedStore): LiveHub {
  const s = state(createFeed);
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
