import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { PollQuestion } from '../live/polls';
import type { RoomResult } from '../live/room-state';
import { resetShutdown, shutdownLive } from '../live/sse-shutdown';
import { openFileRoomStore, ROOMS_FILE_NAME } from './file-room-store';

/** The address the joins in these tests come from (a documentation address, RFC 5737). */
const CALLER = '192.0.2.1';

const question: PollQuestion = {
  id: 'q',
  prompt: 'Which grant?',
  options: [
    { id: 'a', text: 'client credentials' },
    { id: 'b', text: 'password' },
  ],
  answer: 'a',
};
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
afterEach(() => resetShutdown());

function value<T>(result: RoomResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
}

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowlab-rooms-'));
  dirs.push(dir);
  return join(dir, ROOMS_FILE_NAME);
}

describe('openFileRoomStore', () => {
  it('keeps a room, its key, followers, poll and votes across a restart (written at exit)', async () => {
    const path = await folder();
    const before = openFileRoomStore(path);
    const room = value(await before.create('client-credentials', { scenario: 'valid', step: 0 }));
    const p = value(await before.presenter(room.id, room.key));
    value(await p.move({ scenario: 'wrong-secret', step: 3 }));
    const poll = value(await p.openPoll(question)).poll!;
    const f = value(await before.join(room.id, CALLER));
    const stop = value(
      await before.subscribe(room.id, () => undefined, { followerId: f.followerId }),
    );
    value(
      await (
        await before.follower(room.id, f.followerId, f.followerKey).then(value)
      ).vote(poll.id, 'a'),
    );
    const version = value(await before.state(room.id)).version;
    stop();
    shutdownLive(); // what SIGTERM runs: the last write is synchronous
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const after = openFileRoomStore(path);
    const state = value(await after.state(room.id));
    expect(state).toMatchObject({ scenario: 'wrong-secret', step: 3, followers: 0 });
    expect(state.poll).toMatchObject({ id: poll.id, votes: 1, status: 'open' });
    expect(state.version).toBeGreaterThanOrEqual(version);
    expect((await after.presenter(room.id, 'forged')).ok).toBe(false);
    const again = value(await after.presenter(room.id, room.key));
    value(await after.subscribe(room.id, () => undefined, { followerId: f.followerId }));
    const revealed = value(await again.revealPoll()).poll;
    expect(revealed).toMatchObject({ tally: [1, 0], correct: 'a' });
  });

  it('writes shortly after a change, without waiting for the exit', async () => {
    const path = await folder();
    const store = openFileRoomStore(path);
    const room = value(await store.create('client-credentials', { scenario: 'valid', step: 0 }));
    await vi.waitFor(async () => {
      const file = JSON.parse(await readFile(path, 'utf8')) as { rooms: { id: string }[] };
      expect(file.rooms.map((r) => r.id)).toEqual([room.id]);
    });
  });

  it('moves a corrupt file aside and starts with no rooms', async () => {
    const path = await folder();
    await writeFile(path, '{"version":1,"rooms":[{"id":"x"}]}');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = openFileRoomStore(path);
    expect(await store.count()).toBe(0);
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('moved it to'));
    spy.mockRestore();
    const names = await readdir(join(path, '..'));
    expect(names.some((n) => n.startsWith(`${ROOMS_FILE_NAME}.corrupt-`))).toBe(true);
  });
});
