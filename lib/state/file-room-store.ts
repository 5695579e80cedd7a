/**
 * The rooms of a single instance without Redis, kept across a restart: the in-memory store,
 * written to `rooms.json` in the data folder shortly after every change (coalesced, temporary
 * file + rename, mode 0600: the file holds the rooms' keys), and once more, synchronously, when
 * the process ends. A corrupt file is moved aside and the server starts with no rooms.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MemoryRoomStore } from '../live/room-store-memory';
import { RoomRegistry, type RoomRegistryDeps } from '../live/rooms';
import { parseRoomsFile } from '../live/rooms-dump';
import { onShutdown } from '../live/sse-shutdown';

/** File name of the kept rooms inside the data folder. */
export const ROOMS_FILE_NAME = 'rooms.json';

/** How long after a change the file is written (changes in between share the write). */
const WRITE_DELAY_MS = 200;

function load(path: string, registry: RoomRegistry): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  let rooms = null;
  try {
    rooms = parseRoomsFile(JSON.parse(text));
  } catch {
    rooms = null;
  }
  if (rooms) {
    registry.restore(rooms);
    return;
  }
  const aside = `${path}.corrupt-${Date.now()}`;
  renameSync(path, aside);
  console.error(`FlowLab: ${path} is not a FlowLab rooms file; moved it to ${aside}.`);
}

/** The data-folder room store at `path` (restored from it when it exists). */
export function openFileRoomStore(path: string, deps: RoomRegistryDeps = {}): MemoryRoomStore {
  const registry = new RoomRegistry(deps);
  load(path, registry);
  const text = () => JSON.stringify({ version: 1, rooms: registry.dump() });
  const tmp = `${path}.${process.pid}.tmp`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async () => {
    timer = undefined;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, text(), { mode: 0o600 });
      await rename(tmp, path);
    } catch (e) {
      console.error(`FlowLab: cannot write ${path}: ${(e as Error).message}`);
    }
  };
  const scheduled = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      writing = writing.then(write);
    }, WRITE_DELAY_MS);
    (timer as { unref?: () => void }).unref?.();
  };
  onShutdown(() => {
    if (timer !== undefined) clearTimeout(timer);
    mkdirSync(dirname(path), { recursive: true });
    const last = `${path}.${process.pid}.exit.tmp`; // a write may be in flight on `tmp`
    writeFileSync(last, text(), { mode: 0o600 });
    renameSync(last, path);
  });
  return new MemoryRoomStore(registry, scheduled);
}
