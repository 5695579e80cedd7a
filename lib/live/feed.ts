/**
 * The live request feed: every request the authorization server and the protected API handle,
 * kept in a bounded buffer with monotonic ids and pushed to listeners (the presenter view's
 * Server-Sent Events stream).
 *
 * Shared state goes through the small {@link FeedStore} interface. The default is in memory (one
 * process); a distributed one maps each method onto a Redis stream: `append` = XADD with MAXLEN
 * (plus a PUBLISH), `since` = XRANGE after the id, `get` = XRANGE id id, `latestId` = XREVRANGE
 * COUNT 1, `subscribe` = SUBSCRIBE, `clear` = DEL plus a published reset.
 */
import type { AuthEvent } from '../oauth/events';
import type { Check } from '../protocol/checks';
import { maskCredential, type CredentialKind } from './mask';
import { RingBuffer } from './ring-buffer';

/** How many events the feed keeps by default. */
export const FEED_CAPACITY = 500;

/** A stored event: the raw event as the server reported it, with its feed id. */
export interface FeedEntry {
  readonly id: number;
  readonly event: AuthEvent;
}

/**
 * What the feed sends to a view: the event with its credential masked. The raw credential stays
 * on the server and is revealed one event at a time, on demand.
 */
export type FeedItem = Omit<AuthEvent, 'credential'> & {
  readonly id: number;
  readonly credential?: { readonly kind: CredentialKind; readonly masked: string };
  /**
   * Whether `clientId` is more than a claim: a registered client, or one the request proved
   * (its credentials, or a token whose signature verified). Anyone can type any id into a
   * request, so views show an unverified one as a claim, short, and never offer it as a filter.
   */
  readonly clientVerified: boolean;
};

/** Whether an event's client id is more than what the request claimed (see {@link FeedItem}). */
export function clientVerified(event: AuthEvent): boolean {
  const id = event.clientId;
  if (id === null) return false;
  return (
    id === event.authenticatedClientId ||
    id === event.tokenClientId ||
    event.checks.some((c) => c.id === 'client-known' && c.ok)
  );
}

/**
 * What a subscriber hears: a new entry (with the {@link FeedStore.epoch} its id belongs to), that
 * the feed was cleared (demo reset), or (`lost`) that the store lost its connection, so entries
 * appended meanwhile may never be heard (a shared store that went down).
 */
export type FeedMessage =
  | { readonly type: 'entry'; readonly entry: FeedEntry; readonly epoch: string }
  | { readonly type: 'reset'; readonly lastId: number }
  | { readonly type: 'lost' };

/** Receives every message of the live feed. */
export type FeedListener = (message: FeedMessage) => void;

/** The feed's shared state. Small on purpose, so a Redis implementation is a page of code. */
export interface FeedStore {
  /** Stores an event and notifies subscribers; resolves to the stored entry. */
  append(event: AuthEvent): Promise<FeedEntry>;
  /** Entries with an id greater than `afterId`, oldest first, at most `limit`. */
  since(afterId: number, limit?: number): Promise<readonly FeedEntry[]>;
  /** One entry, while it is still held. */
  get(id: number): Promise<FeedEntry | undefined>;
  /** The id of the newest entry ever appended (0 before the first); survives `clear`. */
  latestId(): Promise<number>;
  /**
   * Names the sequence the ids belong to. It changes exactly when the ids start over (a new
   * process, for the memory feed; Redis losing its data), so a view resuming after an id of
   * another epoch starts over instead of skipping the new ids up to it.
   */
  epoch(): Promise<string>;
  /** Hears every append and clear; returns the function that stops listening. */
  subscribe(listener: FeedListener): () => void;
  /** Drops every entry (ids keep counting) and tells subscribers. */
  clear(): Promise<void>;
}

/** A new {@link FeedStore.epoch}: 12 random hex digits (a valid part of an SSE id). */
export function newFeedEpoch(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The default {@link FeedStore}: a ring buffer in this process's memory. */
export class InMemoryFeedStore implements FeedStore {
  private readonly buffer: RingBuffer<AuthEvent>;
  private readonly listeners = new Set<FeedListener>();
  /** Ids start at 1 in each process: its own epoch. */
  private readonly epochId = newFeedEpoch();

  constructor(capacity: number = FEED_CAPACITY) {
    this.buffer = new RingBuffer<AuthEvent>(capacity);
  }

  /** Number of live subscribers (for the load test and diagnostics). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  async append(event: AuthEvent): Promise<FeedEntry> {
    return this.appendNow(event);
  }

  /** Synchronous append, for the in-process event source that cannot await. */
  appendNow(event: AuthEvent): FeedEntry {
    const { id, value } = this.buffer.push(event);
    const entry: FeedEntry = { id, event: value };
    this.emit({ type: 'entry', entry, epoch: this.epochId });
    return entry;
  }

  async since(afterId: number, limit?: number): Promise<readonly FeedEntry[]> {
    return this.buffer.since(afterId, limit).map(({ id, value }) => ({ id, event: value }));
  }

  async get(id: number): Promise<FeedEntry | undefined> {
    const item = this.buffer.get(id);
    return item ? { id: item.id, event: item.value } : undefined;
  }

  async latestId(): Promise<number> {
    return this.buffer.lastId;
  }

  async epoch(): Promise<string> {
    return this.epochId;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async clear(): Promise<void> {
    this.buffer.clear();
    this.emit({ type: 'reset', lastId: this.buffer.lastId });
  }

  private emit(message: FeedMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch {
        // One broken listener (a closed stream) must not stop the others from hearing the event.
      }
    }
  }
}

/** Projects a stored entry to what a view may see: the credential masked. */
export function toFeedItem(entry: FeedEntry): FeedItem {
  const { event } = entry;
  return {
    id: entry.id,
    at: event.at,
    endpoint: event.endpoint,
    method: event.method,
    path: event.path,
    clientId: event.clientId,
    clientVerified: clientVerified(event),
    status: event.status,
    ...(event.error !== undefined ? { error: event.error } : {}),
    durationMs: event.durationMs,
    checks: event.checks,
    ...(event.credential
      ? {
          credential: {
            kind: event.credential.kind,
            masked: maskCredential(event.credential.kind, event.credential.value),
          },
        }
      : {}),
  };
}

/** Whether an entry passes a feed filter (currently: by client id; empty means all). */
export function matchesClient(entry: FeedEntry, clientId: string | null | undefined): boolean {
  if (!clientId) return true;
  return entry.event.clientId === clientId;
}

/** The first failing check of an event, if any: the one the feed marks in red. */
export function failingCheck(checks: readonly Check[]): Check | undefined {
  return checks.find((c) => !c.ok);
}
