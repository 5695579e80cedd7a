/**
 * The {@link ChallengeStore} over Redis, shared by every instance: a client's progress is the
 * hash `flowlab:challenges:client:<id>` (`memory`, and one `p:<lesson>/<task>` field per pass,
 * set with HSETNX so the first pass is kept), a room's members the hash
 * `flowlab:challenges:room:<id>`; each change is published on `flowlab:challenges:events` (in
 * the same Lua script), so the instance serving a learner's page hears a pass graded at another.
 * Every key expires {@link CHALLENGE_TTL_MS} after its last change.
 */
import type { Redis } from 'ioredis';
import type { GraderMemory, TaskPass } from '../challenges/types';
import { passKey } from '../challenges/grader';
import {
  CHALLENGE_TTL_MS,
  ChallengeListeners,
  MAX_ROOM_MEMBERS,
  type ChallengeListener,
  type ChallengeMessage,
  type ChallengeStore,
  type ClientChallenges,
  type RoomMember,
} from './challenge-store';
import { EMPTY_MEMORY } from '../challenges/grader';

const CHANNEL = 'flowlab:challenges:events';
const clientKey = (id: string) => `flowlab:challenges:client:${id}`;
const roomKey = (id: string) => `flowlab:challenges:room:${id}`;

/** HSET memory, HSETNX each pass (ARGV pairs), PUBLISH the added ones; answers their indexes. */
const RECORD = `
redis.call('HSET', KEYS[1], 'memory', ARGV[1])
local added = {}
for i = 4, #ARGV, 2 do
  if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then
    table.insert(added, (i - 4) / 2)
    redis.call('PUBLISH', KEYS[2], '{"type":"pass","clientId":' .. ARGV[3] .. ',"pass":' .. ARGV[i + 1] .. '}')
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return added
`;

/** Adds the member unless present or the room is full; answers its handle number (0: full). */
const JOIN = `
local n = redis.call('HGET', KEYS[1], ARGV[1])
if not n then
  local count = redis.call('HLEN', KEYS[1])
  if count >= tonumber(ARGV[3]) then return 0 end
  n = count + 1
  redis.call('HSET', KEYS[1], ARGV[1], n)
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', KEYS[2], ARGV[4])
return tonumber(n)
`;

/** DELs every member's progress, tells each, then the room. */
const CLEAR_ROOM = `
for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do
  redis.call('DEL', ARGV[1] .. id)
  redis.call('PUBLISH', KEYS[2], cjson.encode({type = 'cleared', clientId = id}))
end
redis.call('PUBLISH', KEYS[2], ARGV[2])
`;

function progressOf(fields: Record<string, string>): ClientChallenges {
  const passes = Object.entries(fields)
    .filter(([name]) => name.startsWith('p:'))
    .map(([, json]) => JSON.parse(json) as TaskPass)
    .sort((a, b) => a.at - b.at);
  const memory = fields.memory ? (JSON.parse(fields.memory) as GraderMemory) : EMPTY_MEMORY;
  return { memory, passes };
}

/** Challenge progress in Redis: `redis` runs commands, `subscriber` is the pub/sub connection. */
export class RedisChallengeStore implements ChallengeStore {
  private readonly listeners = new ChallengeListeners();
  private subscription: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
  ) {
    subscriber.on('message', (channel: string, text: string) => {
      if (channel !== CHANNEL) return;
      try {
        this.listeners.emit(JSON.parse(text) as ChallengeMessage);
      } catch {
        // not one of ours
      }
    });
  }

  async load(clientId: string): Promise<ClientChallenges> {
    return progressOf(await this.redis.hgetall(clientKey(clientId)));
  }

  async record(
    clientId: string,
    memory: GraderMemory,
    passes: readonly TaskPass[],
  ): Promise<readonly TaskPass[]> {
    const args = passes.flatMap((p) => [`p:${passKey(p.lesson, p.taskId)}`, JSON.stringify(p)]);
    const added = (await this.redis.eval(
      RECORD,
      2,
      clientKey(clientId),
      CHANNEL,
      JSON.stringify(memory),
      CHALLENGE_TTL_MS,
      JSON.stringify(clientId),
      ...args,
    )) as number[];
    return added.map((i) => passes[i]!);
  }

  async passesOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, readonly TaskPass[]>> {
    if (clientIds.length === 0) return new Map();
    const pipeline = this.redis.pipeline();
    for (const id of clientIds) pipeline.hgetall(clientKey(id));
    const replies = (await pipeline.exec()) ?? [];
    return new Map(
      clientIds.map((id, i) => {
        const [error, fields] = replies[i] ?? [null, {}];
        if (error) throw error;
        return [id, progressOf(fields as Record<string, string>).passes] as const;
      }),
    );
  }

  async forget(clientId: string): Promise<void> {
    await this.redis
      .multi()
      .del(clientKey(clientId))
      .publish(CHANNEL, JSON.stringify({ type: 'cleared', clientId } satisfies ChallengeMessage))
      .exec();
  }

  async join(roomId: string, clientId: string): Promise<RoomMember | null> {
    const room: ChallengeMessage = { type: 'room', roomId };
    const n = (await this.redis.eval(
      JOIN,
      2,
      roomKey(roomId),
      CHANNEL,
      clientId,
      CHALLENGE_TTL_MS,
      MAX_ROOM_MEMBERS,
      JSON.stringify(room),
    )) as number;
    return n === 0 ? null : { clientId, handle: `Learner ${n}` };
  }

  async members(roomId: string): Promise<readonly RoomMember[]> {
    const fields = await this.redis.hgetall(roomKey(roomId));
    return Object.entries(fields)
      .map(([clientId, n]) => ({ clientId, n: Number(n) }))
      .sort((a, b) => a.n - b.n)
      .map(({ clientId, n }) => ({ clientId, handle: `Learner ${n}` }));
  }

  async clearRoom(roomId: string): Promise<void> {
    const room: ChallengeMessage = { type: 'room', roomId };
    await this.redis.eval(
      CLEAR_ROOM,
      2,
      roomKey(roomId),
      CHANNEL,
      clientKey(''),
      JSON.stringify(room),
    );
  }

  async subscribe(listener: ChallengeListener): Promise<() => void> {
    const remove = this.listeners.add(listener);
    this.subscription ??= this.subscriber.subscribe(CHANNEL).then(
      () => undefined,
      (e: unknown) => {
        this.subscription = null; // the next subscriber tries again
        throw e;
      },
    );
    try {
      await this.subscription;
    } catch (e) {
      remove();
      throw e;
    }
    return remove;
  }
}
