/**
 * The {@link RegistrationStore} of a single instance: the memory store, written to
 * `registrations.json` in the data folder after every change, so learners' registered clients
 * survive a restart. Expired registrations are dropped when loaded and on the way.
 */
import {
  MemoryRegistrationStore,
  type RegistrationDump,
  type RegistrationPatch,
  type RegistrationStore,
  type StoredRegistration,
} from '../oauth/registration-store';
import { JsonFileWriter, loadJsonFile } from './json-file';

/** File name of the registrations inside the data folder. */
export const REGISTRATIONS_FILE_NAME = 'registrations.json';

const VERSION = 1;

/** Whether a value has the shape of a stored registration. */
export function isStoredRegistration(v: unknown): v is StoredRegistration {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.clientId === 'string' &&
    typeof r.accessTokenHash === 'string' &&
    typeof r.authMethod === 'string' &&
    typeof r.scope === 'string' &&
    Number.isFinite(r.issuedAt) &&
    Number.isFinite(r.clockOffset) &&
    Number.isFinite(r.expiresAt)
  );
}

/** The registrations in a parsed file, or null when it is not one. */
export function parseRegistrationsFile(json: unknown): RegistrationDump | null {
  const f = json as { version?: unknown; registrations?: unknown } | null;
  if (typeof f !== 'object' || f === null || f.version !== VERSION) return null;
  const list = f.registrations;
  return Array.isArray(list) && list.every(isStoredRegistration) ? list : null;
}

/** The data-folder {@link RegistrationStore}; build it with {@link FileRegistrationStore.open}. */
export class FileRegistrationStore implements RegistrationStore {
  private readonly file: JsonFileWriter;

  private constructor(
    private readonly memory: MemoryRegistrationStore,
    path: string,
  ) {
    this.file = new JsonFileWriter(path, () => ({
      version: VERSION,
      registrations: memory.dump(),
    }));
  }

  /** Loads the file (a corrupt one is moved aside, and the store starts empty). */
  static async open(path: string, now: () => number = Date.now): Promise<FileRegistrationStore> {
    const memory = new MemoryRegistrationStore(now);
    const dump = await loadJsonFile(path, parseRegistrationsFile, 'registrations file');
    if (dump) memory.restore(dump);
    return new FileRegistrationStore(memory, path);
  }

  async create(registration: StoredRegistration, cap: number): Promise<boolean> {
    const created = await this.memory.create(registration, cap);
    if (created) await this.file.persist();
    return created;
  }

  get(clientId: string): Promise<StoredRegistration | null> {
    return this.memory.get(clientId);
  }

  async update(clientId: string, patch: RegistrationPatch): Promise<StoredRegistration | null> {
    const next = await this.memory.update(clientId, patch);
    if (next) await this.file.persist();
    return next;
  }

  async delete(clientId: string): Promise<boolean> {
    const deleted = await this.memory.delete(clientId);
    if (deleted) await this.file.persist();
    return deleted;
  }
}
