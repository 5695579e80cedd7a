/**
 * The live feed's {@link FeedStore} over Redis, shared by every instance: a bounded stream
 * (`XADD flowlab:feed MAXLEN <capacity>`, entry ids from one `INCR` counter, so ids are the same
 * numbers everywhere) and pub/sub fan-out (`PUBLISH flowlab:feed:events`), both in one Lua
 * script so every instance sees appends in id order. A stream's backlog survives a restart.
 */
import type { Redis } from 'ioredis';
import type { AuthEvent } from '../oauth/events';
import {
  FEED_CAPACITY,
  newFeedEpoch,
  type FeedEntry,
  type FeedListener,
  type FeedMessage,
  type FeedStore,
} from '../live/feed';

const STREAM = 'flowlab:feed';
const SEQ = 'flowlab:feed:seq';
const CHANNEL = 'flowlab:feed:events';
/** The epoch of the ids in SEQ: lost with them, so a Redis that lost its data starts a new one. */
const EPOCH = 'flowlab:feed:epoch';

/**
 * The epoch (set to ARGV[3] when there is none), INCR the id, XADD the event under `<id>-1`,
 * PUBLISH the entry message with its epoch; answers the id.
 */
const APPEND = `
local epoch = redis.call('GET', KEYS[4])
if not epoch then
  epoch = ARGV[3]
  redis.call('SET', KEYS[4], epoch)
end
local id = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[2], id .. '-1', 'e', ARGV[1])
redis.call('PUBLISH', KEYS[3], '{"type":"entry","epoch":"' .. epoch .. '","entry":{"id":' .. id .. ',"event":' .. ARGV[1] .. '}}')
return id
`;

/** DEL the stream (ids keep counting), PUBLISH the reset; answers the last id. */
const CLEAR = `
redis.call('DEL', KEYS[1])
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
redis.call('PUBLISH', KEYS[3], '{"type":"reset","lastId":' .. last .. '}')
return last
`;

type StreamReply = [string, string[]][];

function entriesOf(reply: StreamReply): FeedEntry[] {
  return reply.map(([id, fields]) => ({
    id: Number(id.split('-')[0]),
    event: JSON.parse(fields[1] ?? 'null') as AuthEvent,
  }));
}

/** The feed in Redis: `redis` runs commands, `subscriber` is a second connection for pub/sub. */
export class RedisFeedStore implements FeedStore {
  private readonly listeners = new Set<FeedListener>();
  /** The SUBSCRIBE, once sent (null again if it failed, so the next reader retries it). */
  private subscription: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly capacity: number = FEED_CAPACITY,
  ) {
    subscriber.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      let message: FeedMessage;
      try {
        message = JSON.parse(text) as FeedMessage;
      } catch {
        return;
      }
      this.emit(message);
    });
    // What is published while the subscription is down is never heard: tell the streams.
    subscriber.on('close', () => this.emit({ type: 'lost' }));
  }

  private emit(message: FeedMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch {
        // one broken listener (a closed stream) must not stop the others
      }
    }
  }

  async append(event: AuthEvent): Promise<FeedEntry> {
    const id = (await this.redis.eval(
      APPEND,
      4,
      STREAM,
      SEQ,
      CHANNEL,
      EPOCH,
      JSON.stringify(event),
      this.capacity,
      newFeedEpoch(),
    )) as number;
    return { id, event };
  }

  async since(afterId: number, limit?: number): Promise<readonly FeedEntry[]> {
    // A stream subscribes, then reads its backlog: read only once the subscription is live, so
    // an entry appended in between is either in this range or heard on the channel.
    await this.subscribed();
    const start = `(${Math.max(0, Math.floor(afterId))}-1`;
    const reply = (
      limit === undefined
        ? await this.redis.xrange(STREAM, start, '+')
        : await this.redis.xrange(STREAM, start, '+', 'COUNT', limit)
    ) as StreamReply;
    return entriesOf(reply);
  }

  async get(id: number): Promise<FeedEntry | undefined> {
    const reply = (await this.redis.xrange(STREAM, `${id}-1`, `${id}-1`)) as StreamReply;
    return entriesOf(reply)[0];
  }

  async latestId(): Promise<number> {
    return Number((await this.redis.get(SEQ)) ?? 0);
  }

  async epoch(): Promise<string> {
    const fresh = newFeedEpoch();
    await this.redis.set(EPOCH, fresh, 'NX');
    return (await this.redis.get(EPOCH)) ?? fresh;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    this.subscribed().catch((e: unknown) => {
      console.error(`FlowLab: cannot subscribe to the Redis feed: ${(e as Error).message}`);
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves once this instance hears the channel (the client resubscribes after reconnects). */
  private subscribed(): Promise<void> {
    this.subscription ??= this.subscriber.subscribe(CHANNEL).then(
      () => undefined,
      (e: unknown) => {
        this.subscription = null;
        throw e;
      },
    );
    return this.subscription;
  }

  async clear(): Promise<void> {
    await this.redis.eval(CLEAR, 3, STREAM, SEQ, CHANNEL);
  }
}
