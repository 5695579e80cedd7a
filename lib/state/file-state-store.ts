/**
 * The default {@link StateStore} of a single instance: the in-memory store, written to one JSON
 * file in the data folder after every change, so revocations, lockouts and used assertion ids
 * survive a restart.
 * Writes are atomic (temporary file + rename) and coalesced: a change resolves once a write
 * that started after it has finished, and changes made during a write share the next one.
 * One instance per data folder: several processes writing the same file do not share state.
 */
import {
  MemoryStateStore,
  type MemoryStateStoreOptions,
  type RevokeResult,
  type StateDump,
  type StateStore,
  type WhenRevocationsFull,
  type WindowCount,
} from '../oauth/state-store';
import { JsonFileWriter, loadJsonFile } from './json-file';

/** File name of the persisted state inside the data folder. */
export const STATE_FILE_NAME = 'auth-state.json';

const VERSION = 1;

/** The file's content: a {@link StateDump} with a version. */
interface StateFile extends StateDump {
  readonly version: typeof VERSION;
}

const isTuple = (v: unknown, kinds: readonly string[]): boolean =>
  Array.isArray(v) &&
  v.length === kinds.length &&
  v.every((x, i) => typeof x === kinds[i] && (typeof x !== 'number' || Number.isFinite(x)));

/** The dump in a parsed state file, or null when it is not one. */
export function parseStateFile(json: unknown): StateDump | null {
  if (typeof json !== 'object' || json === null) return null;
  const f = json as Partial<StateFile>;
  if (f.version !== VERSION || !Array.isArray(f.revoked) || !Array.isArray(f.counters)) return null;
  if (!f.revoked.every((r) => isTuple(r, ['string', 'number', 'string']))) return null;
  if (!f.counters.every((c) => isTuple(c, ['string', 'number', 'number']))) return null;
  const used = f.used ?? []; // files written before one-time values existed have none
  if (!Array.isArray(used) || !used.every((u) => isTuple(u, ['string', 'number']))) return null;
  return { revoked: f.revoked, counters: f.counters, used };
}

/** The data-folder {@link StateStore}; build it with {@link FileStateStore.open}. */
export class FileStateStore implements StateStore {
  private readonly file: JsonFileWriter;

  private constructor(
    private readonly memory: MemoryStateStore,
    /** Absolute path of the state file. */
    readonly path: string,
  ) {
    this.file = new JsonFileWriter(path, (): StateFile => ({ version: VERSION, ...memory.dump() }));
  }

  /**
   * Loads the state file (expired entries dropped). A corrupt file is moved aside to
   * `<file>.corrupt-<time>` and reported, and the store starts empty: never a crash loop.
   */
  static async open(path: string, options: MemoryStateStoreOptions = {}): Promise<FileStateStore> {
    const memory = new MemoryStateStore(options);
    const dump = await loadJsonFile(path, parseStateFile, 'state file');
    if (dump) memory.restore(dump);
    return new FileStateStore(memory, path);
  }

  /** An eviction and the new revocation share one write: the file holds at most the limit. */
  async revoke(
    jti: string,
    expiresAt: number,
    owner: string,
    whenFull?: WhenRevocationsFull,
  ): Promise<RevokeResult> {
    const result = await this.memory.revoke(jti, expiresAt, owner, whenFull);
    if (result.ok) await this.file.persist();
    return result;
  }

  isRevoked(jti: string): Promise<boolean> {
    return this.memory.isRevoked(jti);
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const count = await this.memory.increment(key, windowMs);
    await this.file.persist();
    return count;
  }

  peek(key: string): Promise<WindowCount | null> {
    return this.memory.peek(key);
  }

  async useOnce(key: string, expiresAt: number): Promise<boolean> {
    const first = await this.memory.useOnce(key, expiresAt);
    if (first) await this.file.persist();
    return first;
  }

  wasUsed(key: string): Promise<boolean> {
    return this.memory.wasUsed(key);
  }

  async clear(): Promise<void> {
    await this.memory.clear();
    await this.file.persist();
  }
}
