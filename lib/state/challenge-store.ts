/**
 * Where challenge progress lives: each learner client's passes (with the request the server saw)
 * and the grader's memory of it, and which clients count for which room. One interface, three
 * stores: this process's memory (here), the data folder (`file-challenge-store.ts`) and Redis
 * (`redis-challenge-store.ts`), which also tells every instance about each new pass.
 */
import type { GraderMemory, TaskPass } from '../challenges/types';
import { EMPTY_MEMORY, passKey } from '../challenges/grader';

/** What a store keeps of one client. */
export interface ClientChallenges {
  readonly memory: GraderMemory;
  /** In the order they were passed; at most one per task. */
  readonly passes: readonly TaskPass[];
}

/** A client counted for a room, under an anonymous handle ("Learner 3"). */
export interface RoomMember {
  readonly clientId: string;
  readonly handle: string;
}

/** What a store tells its listeners (every instance's, with Redis). */
export type ChallengeMessage =
  | { readonly type: 'pass'; readonly clientId: string; readonly pass: TaskPass }
  | { readonly type: 'cleared'; readonly clientId: string }
  | { readonly type: 'room'; readonly roomId: string };

/** A listener of {@link ChallengeMessage}s. */
export type ChallengeListener = (message: ChallengeMessage) => void;

/** Clients one room counts at most (a room seats 300 followers at once). */
export const MAX_ROOM_MEMBERS = 1000;
/** How long a client's progress is kept after its last pass or join: 7 days. */
export const CHALLENGE_TTL_MS = 7 * 24 * 3600 * 1000;

/** The one interface of challenge progress storage. */
export interface ChallengeStore {
  /** A client's passes and grader memory (empty for a client never seen). */
  load(clientId: string): Promise<ClientChallenges>;
  /**
   * Saves the grader's memory and adds the passes whose task the client has not passed yet (the
   * first pass of a task is kept); tells the listeners of each added pass, and answers them.
   */
  record(
    clientId: string,
    memory: GraderMemory,
    passes: readonly TaskPass[],
  ): Promise<readonly TaskPass[]>;
  /** The passes of several clients at once. */
  passesOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, readonly TaskPass[]>>;
  /** Forgets a client's progress (passes and memory); its pages hear `cleared`. */
  forget(clientId: string): Promise<void>;
  /**
   * Counts a client for a room (again: same handle); null when the room counts
   * {@link MAX_ROOM_MEMBERS} already.
   */
  join(roomId: string, clientId: string): Promise<RoomMember | null>;
  /** The room's members, in the order they joined. */
  members(roomId: string): Promise<readonly RoomMember[]>;
  /** Starts the room's class over: forgets every member's progress (members stay). */
  clearRoom(roomId: string): Promise<void>;
  /**
   * Adds a listener; resolves, once it hears every change from then on (with Redis: once the
   * subscription is live), to the function that removes it.
   */
  subscribe(listener: ChallengeListener): Promise<() => void>;
}

/** A listener set that one broken listener cannot stop. */
export class ChallengeListeners {
  private readonly listeners = new Set<ChallengeListener>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: ChallengeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tells every listener. */
  emit(message: ChallengeMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch {
        // a closed stream's listener must not stop the others
      }
    }
  }
}

/** The passes of `passes` whose task is not among `have`, first of each task only. */
export function newPasses(have: readonly TaskPass[], passes: readonly TaskPass[]): TaskPass[] {
  const keys = new Set(have.map((p) => passKey(p.lesson, p.taskId)));
  const added: TaskPass[] = [];
  for (const p of passes) {
    const key = passKey(p.lesson, p.taskId);
    if (keys.has(key)) continue;
    keys.add(key);
    added.push(p);
  }
  return added;
}

/** Everything a {@link MemoryChallengeStore} holds, as plain data (the data folder's file). */
export interface ChallengeDump {
  readonly clients: readonly [clientId: string, progress: ClientChallenges, touchedAt: number][];
  readonly rooms: readonly [roomId: string, members: readonly RoomMember[], touchedAt: number][];
}

interface Entry<T> {
  value: T;
  touchedAt: number;
}

/** The store of one process, in memory; entries untouched for {@link CHALLENGE_TTL_MS} go. */
export class MemoryChallengeStore implements ChallengeStore {
  private readonly clients = new Map<string, Entry<ClientChallenges>>();
  private readonly rooms = new Map<string, Entry<RoomMember[]>>();
  private readonly listeners = new ChallengeListeners();

  constructor(private readonly now: () => number = Date.now) {}

  private live<T>(map: Map<string, Entry<T>>, key: string): Entry<T> | undefined {
    const entry = map.get(key);
    if (entry && this.now() - entry.touchedAt > CHALLENGE_TTL_MS) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  async load(clientId: string): Promise<ClientChallenges> {
    return this.live(this.clients, clientId)?.value ?? { memory: EMPTY_MEMORY, passes: [] };
  }

  async record(
    clientId: string,
    memory: GraderMemory,
    passes: readonly TaskPass[],
  ): Promise<readonly TaskPass[]> {
    const have = (await this.load(clientId)).passes;
    const added = newPasses(have, passes);
    this.clients.set(clientId, {
      value: { memory, passes: [...have, ...added] },
      touchedAt: this.now(),
    });
    for (const pass of added) this.listeners.emit({ type: 'pass', clientId, pass });
    return added;
  }

  async passesOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, readonly TaskPass[]>> {
    const all = await Promise.all(
      clientIds.map(async (id) => [id, (await this.load(id)).passes] as const),
    );
    return new Map(all);
  }

  async forget(clientId: string): Promise<void> {
    this.clients.delete(clientId);
    this.listeners.emit({ type: 'cleared', clientId });
  }

  async join(roomId: string, clientId: string): Promise<RoomMember | null> {
    const entry = this.live(this.rooms, roomId) ?? { value: [], touchedAt: this.now() };
    let member = entry.value.find((m) => m.clientId === clientId);
    if (!member) {
      if (entry.value.length >= MAX_ROOM_MEMBERS) return null;
      member = { clientId, handle: `Learner ${entry.value.length + 1}` };
      entry.value.push(member);
    }
    entry.touchedAt = this.now();
    this.rooms.set(roomId, entry);
    this.listeners.emit({ type: 'room', roomId });
    return member;
  }

  async members(roomId: string): Promise<readonly RoomMember[]> {
    return [...(this.live(this.rooms, roomId)?.value ?? [])];
  }

  async clearRoom(roomId: string): Promise<void> {
    for (const m of await this.members(roomId)) await this.forget(m.clientId);
    this.listeners.emit({ type: 'room', roomId });
  }

  async subscribe(listener: ChallengeListener): Promise<() => void> {
    return this.listeners.add(listener);
  }

  /** Everything, as plain data. */
  dump(): ChallengeDump {
    const fresh = <T>(map: Map<string, Entry<T>>) =>
      [...map]
        .filter(([k]) => this.live(map, k))
        .map(([k, e]) => [k, e.value, e.touchedAt] as [string, T, number]);
    return { clients: fresh(this.clients), rooms: fresh(this.rooms) };
  }

  /** Replaces everything with a dump (entries past their time are dropped on read). */
  restore(dump: ChallengeDump): void {
    this.clients.clear();
    this.rooms.clear();
    for (const [id, value, touchedAt] of dump.clients) this.clients.set(id, { value, touchedAt });
    for (const [id, members, touchedAt] of dump.rooms) {
      this.rooms.set(id, { value: [...members], touchedAt });
    }
  }
}
