/**
 * The {@link StateStore} over Redis, shared by every FlowLab process that points at the same
 * Redis: a revocation is `SET flowlab:revoked:<jti> 1 PXAT <exp>` plus the owner's sorted set
 * of outstanding revocations scored by expiry (for the per-client limit; evicting the soonest to
 * expire is `ZPOPMIN` in the same script); a lockout counter is `INCR` + `PEXPIRE`
 * in one Lua script; a one-time value is `SET flowlab:used:<key> 1 NX PXAT <exp>`. An unreachable Redis fails fast with {@link StateUnavailableError} (503).
 */
import { Redis } from 'ioredis';
import {
  DEFAULT_REVOCATIONS_PER_CLIENT,
  StateUnavailableError,
  type RevokeResult,
  type StateStore,
  type WhenRevocationsFull,
  type WindowCount,
} from '../oauth/state-store';

/** Key prefix of everything FlowLab keeps in Redis. */
export const REDIS_KEY_PREFIX = 'flowlab:';

/** Seconds a client is told to wait when Redis is unreachable (about one reconnect attempt). */
const RETRY_AFTER_SECONDS = 2;

/**
 * Stores the revocation; at the owner's limit, refuses it (ARGV[5] `refuse`: `{0, earliestExp}`)
 * or first evicts the owner's soonest-expiring revocations (`evict-soonest`: `{1, evictedJti}`),
 * deleting their keys (ARGV[6] is the prefix of those keys: standalone Redis only, as the store
 * says). O(log n): the set never holds more than the limit, so one is evicted (more
 * only after the limit was lowered). Answers `{1}` when it stored without evicting.
 */
const REVOKE = `
local now = tonumber(ARGV[3])
if tonumber(ARGV[2]) <= now or redis.call('EXISTS', KEYS[1]) == 1 then return {1} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4]) + 1
local evicted = {}
if over > 0 then
  if ARGV[5] ~= 'evict-soonest' then
    local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
    return {0, first[2]}
  end
  evicted = redis.call('ZPOPMIN', KEYS[2], over)
  for i = 1, #evicted, 2 do redis.call('DEL', ARGV[6] .. evicted[i]) end
end
redis.call('SET', KEYS[1], '1', 'PXAT', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[2], last[2])
return {1, evicted[1]}
`;

/** One hit: `INCR`, opening the window (`PEXPIRE`) on the first; answers `{count, pttl}`. */
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/** The open window: `{count, pttl}`, or `{}` when there is none. */
const PEEK = `
local count = redis.call('GET', KEYS[1])
if not count then return {} end
return {tonumber(count), redis.call('PTTL', KEYS[1])}
`;

/** Options of {@link RedisStateStore}. */
export interface RedisStateStoreOptions {
  /** Epoch ms clock; defaults to Date.now. */
  readonly now?: () => number;
  /** Outstanding revocations per client. Default {@link DEFAULT_REVOCATIONS_PER_CLIENT}. */
  readonly maxRevocationsPerClient?: number;
  /** Key prefix. Default {@link REDIS_KEY_PREFIX}. */
  readonly prefix?: string;
}

/** The {@link StateStore} over one Redis connection (standalone Redis; keys span slots). */
export class RedisStateStore implements StateStore {
  private readonly now: () => number;
  private readonly maxPerClient: number;
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    options: RedisStateStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.maxPerClient = options.maxRevocationsPerClient ?? DEFAULT_REVOCATIONS_PER_CLIENT;
    this.prefix = options.prefix ?? REDIS_KEY_PREFIX;
  }

  async revoke(
    jti: string,
    expiresAt: number,
    owner: string,
    whenFull: WhenRevocationsFull = 'refuse',
  ): Promise<RevokeResult> {
    const keys = [this.key('revoked', jti), this.key('revocations', owner)];
    const args = [jti, expiresAt, this.now(), this.maxPerClient, whenFull, this.key('revoked', '')];
    const [ok, second] = (await this.run(() => this.redis.eval(REVOKE, 2, ...keys, ...args))) as [
      number,
      string?,
    ];
    if (ok !== 1) return { ok: false, retryAt: Number(second) };
    return second === undefined ? { ok: true } : { ok: true, evicted: second };
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.run(() => this.redis.exists(this.key('revoked', jti)))) === 1;
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = (await this.run(() =>
      this.redis.eval(INCREMENT, 1, this.key('hits', key), windowMs),
    )) as [number, number];
    return { count, resetAt: this.now() + ttl };
  }

  async peek(key: string): Promise<WindowCount | null> {
    const reply = (await this.run(() => this.redis.eval(PEEK, 1, this.key('hits', key)))) as
      [] | [number, number];
    if (reply.length === 0 || reply[1] < 0) return null;
    return { count: reply[0], resetAt: this.now() + reply[1] };
  }

  async useOnce(key: string, expiresAt: number): Promise<boolean> {
    if (expiresAt <= this.now()) return true; // already past: nothing to remember
    const reply = await this.run(() =>
      this.redis.set(this.key('used', key), '1', 'PXAT', expiresAt, 'NX'),
    );
    return reply === 'OK';
  }

  async wasUsed(key: string): Promise<boolean> {
    return (await this.run(() => this.redis.exists(this.key('used', key)))) === 1;
  }

  async clear(): Promise<void> {
    await this.run(async () => {
      for (const kind of ['revoked', 'revocations', 'hits'] as const) {
        let cursor = '0';
        do {
          const [next, keys] = await this.redis.scan(
            cursor,
            'MATCH',
            `${this.key(kind, '')}*`,
            'COUNT',
            500,
          );
          cursor = next;
          if (keys.length > 0) await this.redis.unlink(...keys);
        } while (cursor !== '0');
      }
    });
  }

  /** Closes the connection (tests; a server keeps it for its lifetime). */
  disconnect(): void {
    this.redis.disconnect();
  }

  private key(kind: 'revoked' | 'revocations' | 'hits' | 'used', id: string): string {
    return `${this.prefix}${kind}:${id}`;
  }

  /** Runs one Redis operation; any failure to reach Redis becomes a 503. */
  private async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      // an outage is logged once by connectRedis; anything else (a reply error) is logged here
      if (this.redis.status === 'ready') {
        console.error(`FlowLab: a Redis state operation failed: ${(e as Error).message}`);
      }
      throw new StateUnavailableError(RETRY_AFTER_SECONDS);
    }
  }
}

/**
 * A Redis client that fails fast instead of queueing while Redis is unreachable (no offline
 * queue, no per-command retries, 2 s connect and command timeouts) and reconnects by itself
 * forever (every 0.1-1 s), so FlowLab resumes as soon as Redis is back, without a restart.
 * A `subscriber` connection queues its SUBSCRIBE until connected and subscribes again after
 * every reconnect.
 */
export function connectRedis(url: string, kind: 'commands' | 'subscriber' = 'commands'): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: kind === 'subscriber',
    lazyConnect: kind === 'subscriber', // connects on its first SUBSCRIBE
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  let down = false;
  const lost = (reason: string) => {
    if (down) return; // one line per outage, not one per reconnect attempt
    down = true;
    console.error(`FlowLab: Redis at ${redactUrl(url)} is unreachable (${reason}); answering 503.`);
  };
  redis.on('error', (e: Error) => lost(e.message));
  redis.on('reconnecting', () => lost('connection lost'));
  redis.on('ready', () => {
    if (down) console.error(`FlowLab: Redis at ${redactUrl(url)} is reachable again.`);
    down = false;
  });
  return redis;
}

/** The URL without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'FLOWLAB_REDIS_URL';
  }
}

/**
 * Resolves once `redis` is ready, or after `timeoutMs` (whichever is first): a process that
 * starts while Redis is down still starts, and answers 503 until Redis is reachable.
 */
export function whenReady(redis: Redis, timeoutMs = 2_000): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on('ready', onReady);
  });
}
