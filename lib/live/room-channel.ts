/**
 * A room's listeners and its broadcasts: a change the presenter makes is sent at once; presence
 * and vote counts, which change in bursts (a class joining or voting together), are coalesced
 * into one later broadcast. Framework-free: the scheduler is injected.
 */
import type { RoomEndReason, RoomListener, RoomMessage, RoomState } from './room-state';

/** Runs a coalesced broadcast later. */
export type Defer = (flush: () => void) => void;

/** The default {@link Defer}: a 150 ms timer that does not keep the process alive. */
export const deferByTimer: Defer = (flush) => {
  const t = setTimeout(flush, 150);
  (t as { unref?: () => void }).unref?.();
};

/** The listeners of one room and the version of what they were last sent. */
export class RoomChannel {
  private readonly listeners = new Set<RoomListener>();
  private pending = false;
  private ended = false;
  private currentVersion = 1;

  constructor(
    private readonly defer: Defer,
    private readonly view: () => RoomState,
  ) {}

  /** The version of the room's state (increases with every broadcast change). */
  get version(): number {
    return this.currentVersion;
  }

  /** Continues from a version kept across a restart (a view drops states older than it has). */
  resumeAt(version: number): void {
    this.currentVersion = Math.max(this.currentVersion, version);
  }

  /** How many listeners are attached. */
  get size(): number {
    return this.listeners.size;
  }

  /** Attaches a listener; returns the function that detaches it. */
  add(listener: RoomListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The state changed: every listener hears it now. */
  changed(): void {
    if (this.ended) return;
    this.currentVersion += 1;
    this.pending = false;
    this.send({ type: 'state', state: this.view() });
  }

  /** The state changed in a way that comes in bursts: one broadcast, a little later. */
  changedLater(): void {
    if (this.pending || this.ended) return;
    this.pending = true;
    this.defer(() => {
      if (this.pending) this.changed();
    });
  }

  /** The room ended: every listener hears why, then they are dropped. */
  end(reason: RoomEndReason): void {
    if (this.ended) return;
    this.send({ type: 'closed', reason });
    this.ended = true;
    this.listeners.clear();
  }

  private send(message: RoomMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch {
        // A closed stream must not stop the others.
      }
    }
  }
}
