/**
 * The small interface for state that must be shared when several processes serve FlowLab:
 * revoked token ids, failed-authentication counters and one-time values (the `jti` of client
 * assertions). The default keeps them in memory,
 * bounded: a revocation lasts until its token's own `exp`, and memory is bounded by a per-client
 * limit on outstanding revocations (a full quota refuses the next one, or for a client whose
 * secret is published drops the one that expires soonest); counters expire with their window and
 * their map has a size cap. A distributed deployment implements the same interface
 * over Redis (`SET key 1 PXAT exp` plus a per-client sorted set, `INCR` + `PEXPIRE`,
 * `SET key 1 NX PXAT exp`).
 */
import { OAuthError } from './errors';

/** A fixed-window counter: how many hits since the window opened, and when it closes. */
export interface WindowCount {
  readonly count: number;
  /** Epoch ms when the window closes and the count starts again from zero. */
  readonly resetAt: number;
}

/**
 * What a revocation does when its owner already holds as many outstanding revocations as the
 * store allows: `refuse` stores nothing (the endpoint answers 503 until a place frees up);
 * `evict-soonest` drops the owner's revocation that expires soonest (ties: any of them) and
 * stores the new one, so that dropped token is accepted again until it expires. Only for a client
 * anyone can mint fresh tokens for anyway (a published secret): a dropped revocation then gives
 * nobody a token they could not have had.
 */
export type WhenRevocationsFull = 'refuse' | 'evict-soonest';

/** The outcome of a revocation: stored, or refused because the owner's limit is reached. */
export type RevokeResult =
  | {
      readonly ok: true;
      /** The `jti` whose revocation was dropped to make room (`evict-soonest`, quota full). */
      readonly evicted?: string;
    }
  | {
      readonly ok: false;
      /** Epoch ms when the owner's earliest outstanding revocation expires and frees a place. */
      readonly retryAt: number;
    };

/** Revoked-token and rate-limit state, shared by every endpoint of one server. */
export interface StateStore {
  /**
   * Remembers that the token with this `jti`, issued to `owner`, is revoked until `expiresAt`
   * (epoch ms). When `owner` already has as many outstanding revocations as the store allows,
   * `whenFull` decides (default `refuse`: nothing stored); revoking the same `jti` again always
   * succeeds and changes nothing.
   */
  revoke(
    jti: string,
    expiresAt: number,
    owner: string,
    whenFull?: WhenRevocationsFull,
  ): Promise<RevokeResult>;
  isRevoked(jti: string): Promise<boolean>;
  /** Adds one hit to `key`'s window (opening a window of `windowMs` if none is open). */
  increment(key: string, windowMs: number): Promise<WindowCount>;
  /** The open window of `key`, or null. */
  peek(key: string): Promise<WindowCount | null>;
  /**
   * Marks `key` as used until `expiresAt` (epoch ms): true the first time, false for every later
   * call before then (a replayed assertion `jti`). Atomic: of concurrent calls exactly one wins.
   * Kept by {@link clear}: a reset must not make a captured assertion replayable.
   * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
   */
  useOnce(key: string, expiresAt: number): Promise<boolean>;
  /** Whether `key` is held as used (by {@link useOnce}) now; changes nothing. */
  wasUsed(key: string): Promise<boolean>;
  /** Forgets every revocation and counter (the instructor's "reset demo"). */
  clear(): Promise<void>;
}

/**
 * Thrown by a store that cannot reach its shared state right now (Redis down, data folder not
 * writable). Every endpoint then answers `503 temporarily_unavailable` with `Retry-After`: it
 * fails closed (a token is never taken as not revoked, a lockout never skipped, because the store
 * could not be asked). RFC 6749 §5.2 lists no code for a token endpoint that cannot serve a
 * request for now; `temporarily_unavailable` is the code RFC 6749 itself defines for exactly that
 * condition (registered in the OAuth Extensions Error Registry), RFC 7009 §2.2.1 answers such a
 * revocation with 503, and clients that do not know the code still act on 503 + `Retry-After`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4
 */
export class StateUnavailableError extends OAuthError {
  constructor(retryAfterSeconds = 2) {
    super(
      'temporarily_unavailable',
      `The server cannot reach its revocation and lockout store right now. Retry in ${retryAfterSeconds} s.`,
      503,
      { 'Retry-After': String(retryAfterSeconds) },
    );
    this.name = 'StateUnavailableError';
  }
}

/** The live entries of a {@link MemoryStateStore}, for a store that persists them. */
export interface StateDump {
  /** `[jti, expiresAt, owner]` of every outstanding revocation. */
  readonly revoked: readonly (readonly [string, number, string])[];
  /** `[key, count, resetAt]` of every open window. */
  readonly counters: readonly (readonly [string, number, number])[];
  /** `[key, expiresAt]` of every one-time value still remembered. */
  readonly used: readonly (readonly [string, number])[];
}

/** Outstanding (not yet expired) revocations one client may have by default. */
export const DEFAULT_REVOCATIONS_PER_CLIENT = 10_000;

/** Options of {@link MemoryStateStore}. */
export interface MemoryStateStoreOptions {
  /** Epoch ms clock; defaults to Date.now. */
  readonly now?: () => number;
  /** Most rate-limit counters kept; the oldest are dropped first past it. Default 50,000. */
  readonly maxEntries?: number;
  /** Outstanding revocations per client. Default {@link DEFAULT_REVOCATIONS_PER_CLIENT}. */
  readonly maxRevocationsPerClient?: number;
}

/** The in-memory {@link StateStore}: bounded, entries expire, one process only. */
export class MemoryStateStore implements StateStore {
  /** jti -> the revoked token's expiry and owner. */
  private readonly revoked = new Map<string, { exp: number; owner: string }>();
  /** owner -> its outstanding revocations (jti -> expiry). */
  private readonly byOwner = new Map<string, Map<string, number>>();
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  /** One-time keys -> expiry; never evicted early (that would allow a replay), swept when due. */
  private readonly used = new Map<string, number>();
  private nextSweep = 0;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private readonly maxPerClient: number;

  constructor(options: MemoryStateStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.maxPerClient = options.maxRevocationsPerClient ?? DEFAULT_REVOCATIONS_PER_CLIENT;
  }

  /** Entries currently held (expired ones not yet swept included), for tests. */
  get size(): { revoked: number; counters: number } {
    return { revoked: this.revoked.size, counters: this.counters.size };
  }

  /**
   * O(1) below the owner's limit; at it, one pass over the owner's revocations (O(n), n = the
   * limit) drops the expired ones and finds the soonest to expire. {@link restore} keeps the
   * limit too, so at most one revocation is ever evicted to make room.
   */
  async revoke(
    jti: string,
    expiresAt: number,
    owner: string,
    whenFull: WhenRevocationsFull = 'refuse',
  ): Promise<RevokeResult> {
    const now = this.now();
    if (expiresAt <= now || this.revoked.has(jti)) return { ok: true }; // expired: refused anyway
    let mine = this.byOwner.get(owner);
    if (!mine) this.byOwner.set(owner, (mine = new Map()));
    let evicted: string | undefined;
    if (mine.size >= this.maxPerClient) {
      let soonest: string | undefined;
      let soonestExp = Infinity;
      for (const [id, exp] of mine) {
        if (exp <= now) this.forget(id);
        else if (exp < soonestExp) [soonest, soonestExp] = [id, exp];
      }
      if (mine.size >= this.maxPerClient) {
        if (whenFull === 'refuse') return { ok: false, retryAt: soonestExp };
        this.forget(soonest!);
        evicted = soonest;
      }
    }
    mine.set(jti, expiresAt);
    this.revoked.set(jti, { exp: expiresAt, owner });
    return evicted === undefined ? { ok: true } : { ok: true, evicted };
  }

  async isRevoked(jti: string): Promise<boolean> {
    const entry = this.revoked.get(jti);
    if (entry === undefined) return false;
    if (entry.exp <= this.now()) {
      this.forget(jti);
      return false;
    }
    return true;
  }

  private forget(jti: string): void {
    const entry = this.revoked.get(jti);
    if (!entry) return;
    this.revoked.delete(jti);
    this.byOwner.get(entry.owner)?.delete(jti);
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

  async useOnce(key: string, expiresAt: number): Promise<boolean> {
    const now = this.now();
    if (now >= this.nextSweep) {
      for (const [k, exp] of this.used) if (exp <= now) this.used.delete(k);
      this.nextSweep = now + 60_000;
    }
    const held = this.used.get(key);
    if (held !== undefined && held > now) return false;
    if (expiresAt > now) this.used.set(key, expiresAt);
    return true;
  }

  async wasUsed(key: string): Promise<boolean> {
    const held = this.used.get(key);
    return held !== undefined && held > this.now();
  }

  async clear(): Promise<void> {
    this.revoked.clear();
    this.byOwner.clear();
    this.counters.clear();
  }

  /** Its live entries (expired ones left out), for a store that persists them. */
  dump(): StateDump {
    const now = this.now();
    const revoked: [string, number, string][] = [];
    for (const [jti, { exp, owner }] of this.revoked)
      if (exp > now) revoked.push([jti, exp, owner]);
    const counters: [string, number, number][] = [];
    for (const [key, e] of this.counters)
      if (e.resetAt > now) counters.push([key, e.count, e.resetAt]);
    const used: [string, number][] = [];
    for (const [key, exp] of this.used) if (exp > now) used.push([key, exp]);
    return { revoked, counters, used };
  }

  /** Adds the live entries of a {@link dump} (expired ones are dropped, the caps still hold). */
  restore(dump: StateDump): void {
    const now = this.now();
    for (const [jti, exp, owner] of dump.revoked) {
      if (exp <= now || this.revoked.has(jti)) continue;
      let mine = this.byOwner.get(owner);
      if (!mine) this.byOwner.set(owner, (mine = new Map()));
      if (mine.size >= this.maxPerClient) continue;
      mine.set(jti, exp);
      this.revoked.set(jti, { exp, owner });
    }
    for (const [key, count, resetAt] of dump.counters) {
      if (resetAt <= now) continue;
      this.counters.delete(key);
      this.counters.set(key, { count, resetAt });
    }
    this.bound(this.counters, (e) => e.resetAt);
    for (const [key, exp] of dump.used) if (exp > now) this.used.set(key, exp);
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
