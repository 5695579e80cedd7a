/**
 * The {@link ChallengeStore} of a single instance: the memory store, written to
 * `challenges.json` in the data folder after every change (`lib/state/json-file.ts`: atomic,
 * coalesced, mode 0600), so progress survives a restart. A corrupt file is moved aside.
 */
import type { GraderMemory, TaskPass } from '../challenges/types';
import {
  MemoryChallengeStore,
  type ChallengeDump,
  type ChallengeListener,
  type ChallengeStore,
  type ClientChallenges,
  type RoomMember,
} from './challenge-store';
import { JsonFileWriter, loadJsonFile } from './json-file';

/** File name of the challenge progress inside the data folder. */
export const CHALLENGE_FILE_NAME = 'challenges.json';

const VERSION = 1;

/** The dump in a parsed challenge file, or null when it is not one. */
export function parseChallengeFile(json: unknown): ChallengeDump | null {
  if (typeof json !== 'object' || json === null) return null;
  const f = json as { version?: unknown; clients?: unknown; rooms?: unknown };
  if (f.version !== VERSION || !Array.isArray(f.clients) || !Array.isArray(f.rooms)) return null;
  const tuple = (v: unknown) =>
    Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && Number.isFinite(v[2]);
  const progress = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as ClientChallenges).passes) &&
    typeof (v as ClientChallenges).memory === 'object';
  if (!f.clients.every((c) => tuple(c) && progress(c[1]))) return null;
  if (!f.rooms.every((r) => tuple(r) && Array.isArray(r[1]))) return null;
  return { clients: f.clients, rooms: f.rooms } as ChallengeDump;
}

/** The data-folder {@link ChallengeStore}; build it with {@link FileChallengeStore.open}. */
export class FileChallengeStore implements ChallengeStore {
  private readonly writer: JsonFileWriter;

  private constructor(
    private readonly memory: MemoryChallengeStore,
    /** Absolute path of the file. */
    readonly path: string,
  ) {
    this.writer = new JsonFileWriter(path, () => ({ version: VERSION, ...memory.dump() }));
  }

  /** Loads the file (a corrupt one is moved aside to `<file>.corrupt-<time>`, never a crash). */
  static async open(path: string, now: () => number = Date.now): Promise<FileChallengeStore> {
    const memory = new MemoryChallengeStore(now);
    const dump = await loadJsonFile(path, parseChallengeFile, 'challenge file');
    if (dump) memory.restore(dump);
    return new FileChallengeStore(memory, path);
  }

  load(clientId: string): Promise<ClientChallenges> {
    return this.memory.load(clientId);
  }

  async record(
    clientId: string,
    memory: GraderMemory,
    passes: readonly TaskPass[],
  ): Promise<readonly TaskPass[]> {
    const added = await this.memory.record(clientId, memory, passes);
    await this.persist();
    return added;
  }

  passesOf(clientIds: readonly string[]): Promise<ReadonlyMap<string, readonly TaskPass[]>> {
    return this.memory.passesOf(clientIds);
  }

  async forget(clientId: string): Promise<void> {
    await this.memory.forget(clientId);
    await this.persist();
  }

  async join(roomId: string, clientId: string): Promise<RoomMember | null> {
    const member = await this.memory.join(roomId, clientId);
    await this.persist();
    return member;
  }

  members(roomId: string): Promise<readonly RoomMember[]> {
    return this.memory.members(roomId);
  }

  async clearRoom(roomId: string): Promise<void> {
    await this.memory.clearRoom(roomId);
    await this.persist();
  }

  subscribe(listener: ChallengeListener): Promise<() => void> {
    return this.memory.subscribe(listener);
  }

  private persist(): Promise<void> {
    return this.writer.persist();
  }
}
