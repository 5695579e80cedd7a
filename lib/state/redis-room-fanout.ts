/**
 * One instance's side of the Redis rooms: its local listeners per room, the leases of its open
 * streams (refreshed every third of the lease, so another instance sees them as present), the
 * coalesced broadcasts of presence and vote counts, and the pub/sub fan-out: every
 * `<room>|state|<view>` goes to its listeners of that room as it is (a message without the view
 * makes it read the room once, reads in flight coalescing).
 */
import type { Redis } from 'ioredis';
import { pollView, type PollQuestion, type PollStatus } from '../live/polls';
import type { Defer } from '../live/room-channel';
import type { RoomEndReason, RoomListener, RoomMessage, RoomState } from '../live/room-state';
import * as lua from './redis-room-scripts';

/** A room script's raw view: the room hash (flat), the present count, the votes hash (flat). */
export type ViewReply = [string[], number, string[]];

const pairs = (flat: readonly string[]): [string, string][] => {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
};

/** The public state of a room from a script's view. */
export function decodeView(id: string, [fields, present, votes]: ViewReply): RoomState {
  // cjson writes an empty Lua table as {}: no entries either way.
  const h = Object.fromEntries(pairs(fields));
  const poll =
    h.pid !== undefined && h.pq !== undefined
      ? pollView({
          id: h.pid,
          question: JSON.parse(h.pq) as PollQuestion,
          status: h.ps as PollStatus,
          openedAt: Number(h.po),
          votes: new Map(pairs(votes)),
        })
      : null;
  return {
    id,
    lesson: h.lesson ?? '',
    scenario: h.sc ?? '',
    step: Number(h.st),
    followers: present,
    joining: h.j === '1',
    poll,
    version: Number(h.v),
  };
}

/** An open stream that counts (not the presenter's): its lease member and follower id. */
export interface LeasedStream {
  readonly member: string;
  readonly followerId: string;
}

type Run = (script: string, id: string, args: readonly (string | number)[]) => Promise<unknown[]>;

/** What the fan-out needs from its store. */
export interface FanoutDeps {
  readonly subscriber: Redis;
  readonly channel: string;
  readonly defer: Defer;
  readonly leaseMs: number;
  readonly now: () => number;
  readonly run: Run;
}

interface LocalRoom {
  readonly listeners: Set<RoomListener>;
  readonly streams: Map<RoomListener, LeasedStream>;
}

/** Local listeners and leases of one instance (see the module comment). */
export class RoomFanout {
  readonly leaseMs: number;
  private readonly rooms = new Map<string, LocalRoom>();
  private readonly reading = new Map<string, boolean>(); // room -> read again when done
  private readonly pending = new Set<string>();
  private subscription: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private counted = 0;

  constructor(private readonly deps: FanoutDeps) {
    this.leaseMs = deps.leaseMs;
    deps.subscriber.on('message', (channel: string, text: string) => {
      if (channel === deps.channel) this.heard(text);
    });
  }

  /** Streams of this instance that count against the caps. */
  get streams(): number {
    return this.counted;
  }

  /**
   * Resolves once this instance hears the channel (ioredis subscribes again after reconnects);
   * rejects after 2 s while Redis is unreachable (the subscription keeps trying meanwhile).
   */
  ready(): Promise<void> {
    this.subscription ??= this.deps.subscriber.subscribe(this.deps.channel).then(
      () => undefined,
      (e: unknown) => {
        this.subscription = null;
        throw e;
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis subscription not ready')), 2_000);
    });
    return Promise.race([this.subscription, late]).finally(() => clearTimeout(timer));
  }

  /** Adds a local listener (with its lease, unless it is the presenter's); answers its removal. */
  listen(id: string, listener: RoomListener, stream: LeasedStream | null): () => void {
    let room = this.rooms.get(id);
    if (!room) this.rooms.set(id, (room = { listeners: new Set(), streams: new Map() }));
    room.listeners.add(listener);
    if (stream) {
      room.streams.set(listener, stream);
      this.counted += 1;
    }
    this.timer ??= this.startLeases();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.drop(id, listener);
      if (stream) {
        this.deps
          .run(lua.DISCONNECT, id, [stream.member, stream.followerId])
          .then((r) => {
            if (r[1] === 1) this.changedLater(id);
          })
          .catch(() => undefined); // Redis away: the lease runs out by itself
      }
    };
  }

  /** A change that comes in bursts (presence, vote counts): one broadcast, a little later. */
  changedLater(id: string): void {
    if (this.pending.has(id)) return;
    this.pending.add(id);
    this.deps.defer(() => {
      this.pending.delete(id);
      this.deps.run(lua.BUMP, id, []).catch(() => undefined);
    });
  }

  private drop(id: string, listener: RoomListener): void {
    const room = this.rooms.get(id);
    if (!room) return;
    room.listeners.delete(listener);
    if (room.streams.delete(listener)) this.counted -= 1;
    if (room.listeners.size === 0) this.rooms.delete(id);
  }

  private heard(text: string): void {
    const at = text.indexOf('|');
    const id = text.slice(0, at);
    const room = this.rooms.get(id);
    if (at <= 0 || !room) return;
    const rest = text.slice(at + 1);
    if (rest.startsWith('closed|')) {
      this.end(id, rest === 'closed|expired' ? 'expired' : 'closed');
      return;
    }
    let view: ViewReply | undefined;
    try {
      view = rest.startsWith('state|') ? (JSON.parse(rest.slice(6)) as ViewReply) : undefined;
    } catch {
      view = undefined;
    }
    if (view) this.send([...room.listeners], { type: 'state', state: decodeView(id, view) });
    else void this.read(id);
  }

  private end(id: string, reason: RoomEndReason): void {
    const room = this.rooms.get(id);
    if (!room) return;
    const listeners = [...room.listeners];
    for (const listener of listeners) this.drop(id, listener);
    this.send(listeners, { type: 'closed', reason });
  }

  /** Reads the room's state once for every local listener; a read asked for meanwhile follows. */
  private async read(id: string): Promise<void> {
    if (this.reading.has(id)) {
      this.reading.set(id, true);
      return;
    }
    this.reading.set(id, false);
    try {
      const r = await this.deps.run(lua.VIEW, id, []);
      const room = this.rooms.get(id);
      if (room && r[0] === 1) {
        this.send([...room.listeners], { type: 'state', state: decodeView(id, r[1] as ViewReply) });
      }
    } catch {
      // Redis away: the next change is read again
    } finally {
      const again = this.reading.get(id);
      this.reading.delete(id);
      if (again) void this.read(id);
    }
  }

  private send(listeners: readonly RoomListener[], message: RoomMessage): void {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch {
        // A closed stream must not stop the others.
      }
    }
  }

  private startLeases(): ReturnType<typeof setInterval> {
    const timer = setInterval(() => {
      const until = this.deps.now() + this.leaseMs;
      for (const [id, room] of this.rooms) {
        const members = [...room.streams.values()].map((s) => s.member);
        this.deps
          .run(lua.REFRESH, id, [until, ...members])
          .then((r) => {
            if (r[0] === 0) this.end(id, 'expired'); // the room is gone from Redis
          })
          .catch(() => undefined);
      }
    }, this.leaseMs / 3);
    (timer as { unref?: () => void }).unref?.();
    return timer;
  }
}
