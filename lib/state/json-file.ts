/**
 * One JSON file in the data folder that a single-instance store persists to: loaded once (a
 * corrupt file is moved aside to `<file>.corrupt-<time>` and reported, never a crash loop) and
 * written atomically (temporary file + rename, mode 0600) after every change, coalesced: a
 * change resolves once a write that started after it has finished, and changes made during a
 * write share the next one.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StateUnavailableError } from '../oauth/state-store';

/**
 * The parsed content of the file at `path`: null when there is none, or when it is not what
 * `parse` accepts (then it is moved aside and `what` names it in the log).
 */
export async function loadJsonFile<T>(
  path: string,
  parse: (json: unknown) => T | null,
  what: string,
): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let parsed: T | null = null;
  try {
    parsed = parse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (parsed === null) {
    const aside = `${path}.corrupt-${Date.now()}`;
    await rename(path, aside);
    console.error(
      `FlowLab: ${path} is not a FlowLab ${what}; moved it to ${aside} and started empty.`,
    );
  }
  return parsed;
}

/** Writes a snapshot to one file, coalescing the writes (see the module comment). */
export class JsonFileWriter {
  /** The write in progress or last finished (never rejects). */
  private last: Promise<void> = Promise.resolve();
  /** The write queued behind it, which changes made meanwhile share. */
  private queued: Promise<void> | null = null;

  constructor(
    /** Absolute path of the file. */
    readonly path: string,
    private readonly snapshot: () => unknown,
  ) {}

  /** Resolves once a write that started after this call has finished. */
  persist(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.last.then(() => {
      this.queued = null; // changes from now on need the write after this one
      return this.write();
    });
    this.queued = next;
    this.last = next.catch(() => undefined);
    return next;
  }

  private async write(): Promise<void> {
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      // flushed to disk before the rename: a power cut never leaves a truncated file in place
      const file = await open(tmp, 'w', 0o600);
      try {
        await file.writeFile(JSON.stringify(this.snapshot()));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, this.path);
    } catch (e) {
      console.error(`FlowLab: cannot write ${this.path}: ${(e as Error).message}`);
      throw new StateUnavailableError();
    }
  }
}
