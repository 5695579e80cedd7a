/**
 * The {@link RegistrationStore} over Redis, shared by every instance pointing at it: a
 * registration is `flowlab:registration:<client_id>` (JSON, `PXAT` its expiry, so Redis itself
 * cleans up an unused one), indexed in the sorted set `flowlab:registrations` by expiry for the
 * server-wide cap. Create, update and delete are Lua scripts, so each is atomic.
 */
import type { Redis } from 'ioredis';
import { StateUnavailableError } from '../oauth/state-store';
import type {
  RegistrationPatch,
  RegistrationStore,
  StoredRegistration,
} from '../oauth/registration-store';
import { isStoredRegistration } from './file-registration-store';
import { REDIS_KEY_PREFIX } from './redis-state-store';

/** Drops expired index entries; stores the registration unless `cap` live ones exist. */
const CREATE = `
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 0 end
if not redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2], 'NX') then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
return 1
`;

/** Merges the patch into a live registration (keeping or moving its expiry); nil when gone. */
const UPDATE = `
local current = redis.call('GET', KEYS[1])
if not current then return nil end
local r = cjson.decode(current)
for k, v in pairs(cjson.decode(ARGV[1])) do r[k] = v end
local text = cjson.encode(r)
local at = string.format('%.0f', r.expiresAt)
redis.call('SET', KEYS[1], text, 'PXAT', at)
redis.call('ZADD', KEYS[2], at, ARGV[2])
return text
`;

/** Deletes the registration and its index entry; 1 when it was there. */
const DELETE = `
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('DEL', KEYS[1])
`;

/** The {@link RegistrationStore} over one Redis connection (standalone Redis). */
export class RedisRegistrationStore implements RegistrationStore {
  private readonly index: string;

  constructor(
    private readonly redis: Redis,
    private readonly now: () => number = Date.now,
    private readonly prefix = REDIS_KEY_PREFIX,
  ) {
    this.index = `${prefix}registrations`;
  }

  async create(r: StoredRegistration, cap: number): Promise<boolean> {
    const keys = [this.key(r.clientId), this.index];
    const args = [JSON.stringify(r), r.expiresAt, this.now(), cap, r.clientId];
    return (await this.run(() => this.redis.eval(CREATE, 2, ...keys, ...args))) === 1;
  }

  async get(clientId: string): Promise<StoredRegistration | null> {
    return this.parse(await this.run(() => this.redis.get(this.key(clientId))));
  }

  async update(clientId: string, patch: RegistrationPatch): Promise<StoredRegistration | null> {
    const keys = [this.key(clientId), this.index];
    const reply = await this.run(() =>
      this.redis.eval(UPDATE, 2, ...keys, JSON.stringify(patch), clientId),
    );
    return this.parse(reply as string | null);
  }

  async delete(clientId: string): Promise<boolean> {
    const keys = [this.key(clientId), this.index];
    return (await this.run(() => this.redis.eval(DELETE, 2, ...keys, clientId))) === 1;
  }

  private key(clientId: string): string {
    return `${this.prefix}registration:${clientId}`;
  }

  private parse(text: string | null): StoredRegistration | null {
    if (text === null) return null;
    try {
      const value: unknown = JSON.parse(text);
      return isStoredRegistration(value) && value.expiresAt > this.now() ? value : null;
    } catch {
      return null;
    }
  }

  /** Runs one Redis operation; any failure to reach Redis becomes a 503. */
  private async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (this.redis.status === 'ready') {
        console.error(`FlowLab: a Redis registration operation failed: ${(e as Error).message}`);
      }
      throw new StateUnavailableError(2);
    }
  }
}
