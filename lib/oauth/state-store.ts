/**
 * The small interface for state that must be shared when several processes serve FlowLab:
 * revoked token ids and failed-authentication counters. The default keeps them in memory,
 * bounded (every entry expires, and the maps have a size cap); a distributed deployment
 * implements the same interface over Redis (`SET key 1 PXAT exp`, `INCR` + `PEXPIRE`).
 */

/** A fixed-window counter: how many hits since the window opened, and when it closes. */
export interface WindowCount {
  readonly count: number;
  /** Epoch ms when the window closes and the count starts again from zero. */
  readonly resetAt: number;
}

export interface StateStore {
  /** Remembers that the token with this `jti` is revoked until `expiresAt` (epoch ms). */
  revoke(jti: string, expiresAt: number): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
  /** Adds one hit to `key`'s window (opening a window of `windowMs` if none is open). */
  increment(key: string, windowMs: number): Promise<WindowCount>;
  /** The open window of `key`, or null. */
  peek(key: string): Promise<WindowCount | null>;
  /** Forgets every revocation and counter (the instructor's "reset demo"). */
  clear(): Promise<void>;
}

export interface MemoryStateStoreOptions {
  /** Epoch ms clock; defaults to Date.now. */
  readonly now?: () => number;
  /** Most entries kept per map; the oldest are dropped first past it. Default 50,000. */
  readonly maxEntries?: number;
}

/** The in-memory {@link StateStore}: bounded, entries expire, one process only. */
export class MemoryStateStore implements StateStore {
  private readonly revoked = new Map<string, number>();
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(options: MemoryStateStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 50_000;
  }

  /** Entries currently held (expired ones not yet swept included), for tests. */
  get size(): { revoked: number; counters: number } {
    return { revoked: this.revoked.size, counters: this.counters.size };
  }

  async revoke(jti: string, expiresAt: number): Promise<void> {
    if (expiresAt <= this.now()) return; // an expired token is rejected anyway
    this.revoked.delete(jti);
    this.revoked.set(jti, expiresAt);
    this.bound(this.revoked, (exp) => exp);
  }

  async isRevoked(jti: string): Promise<boolean> {
    const exp = this.revoked.get(jti);
    if (exp === undefined) return false;
    if (exp <= this.now()) {
      this.revoked.delete(jti);
      return false;
    }
    return true;
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    let entry = this.counters.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      this.counters.delete(key);
      this.counters.set(key, entry);
      this.bound(this.counters, (e) => e.resetAt);
    }
    entry.count += 1;
    return { count: entry.count, resetAt: entry.resetAt };
  }

  async peek(key: string): Promise<WindowCount | null> {
    const entry = this.counters.get(key);
    if (!entry) return null;
    if (entry.resetAt <= this.now()) {
      this.counters.delete(key);
      return null;
    }
    return { count: entry.count, resetAt: entry.resetAt };
  }

  async clear(): Promise<void> {
    this.revoked.clear();
    this.counters.clear();
  }

  /** Past the cap: sweep expired entries, then drop the oldest inserted until under it. */
  private bound<V>(map: Map<string, V>, expiry: (v: V) => number): void {
    if (map.size <= this.maxEntries) return;
    const now = this.now();
    for (const [k, v] of map) if (expiry(v) <= now) map.delete(k);
    for (const k of map.keys()) {
      if (map.size <= this.maxEntries) break;
      map.delete(k);
    }
  }
}
