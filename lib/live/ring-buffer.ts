/**
 * A bounded buffer of the most recent items, each stamped with a monotonic sequence number.
 * Sequence numbers never repeat and never go backwards, even after `clear()`, so a reader that
 * remembers the last id it saw can always ask for "everything after it" (Server-Sent Events'
 * `Last-Event-ID`).
 */

/** An item stamped with its sequence number. */
export interface Sequenced<T> {
  /** 1, 2, 3, ... in the order items were appended. */
  readonly id: number;
  readonly value: T;
}

/** A bounded buffer of the latest items with monotonic sequence numbers (for `Last-Event-ID`). */
export class RingBuffer<T> {
  readonly capacity: number;
  private readonly slots: (Sequenced<T> | undefined)[];
  /** Index of the oldest item in `slots`. */
  private head = 0;
  private count = 0;
  private lastIdValue = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.slots = new Array<Sequenced<T> | undefined>(capacity);
  }

  /** Number of items held (at most `capacity`). */
  get size(): number {
    return this.count;
  }

  /** The id of the newest item ever appended (0 before the first). */
  get lastId(): number {
    return this.lastIdValue;
  }

  /** Appends an item, evicting the oldest when full; returns it with its new id. */
  push(value: T): Sequenced<T> {
    const item: Sequenced<T> = { id: ++this.lastIdValue, value };
    const tail = (this.head + this.count) % this.capacity;
    this.slots[tail] = item;
    if (this.count < this.capacity) {
      this.count += 1;
    } else {
      this.head = (this.head + 1) % this.capacity;
    }
    return item;
  }

  /**
   * The items with an id greater than `afterId`, oldest first, at most `limit` of them (the
   * oldest ones are returned first, so a reader can page forward).
   */
  since(afterId: number, limit = this.capacity): Sequenced<T>[] {
    const out: Sequenced<T>[] = [];
    if (this.count === 0 || limit <= 0) return out;
    const oldest = this.at(0);
    if (!oldest) return out;
    // Ids are contiguous inside the buffer, so the start index is arithmetic, not a scan.
    const start = Math.max(0, Math.floor(afterId) - oldest.id + 1);
    for (let i = start; i < this.count && out.length < limit; i += 1) {
      const item = this.at(i);
      if (item) out.push(item);
    }
    return out;
  }

  /** The item with this id, if it is still held. */
  get(id: number): Sequenced<T> | undefined {
    const oldest = this.at(0);
    if (!oldest || !Number.isInteger(id)) return undefined;
    const offset = id - oldest.id;
    if (offset < 0 || offset >= this.count) return undefined;
    return this.at(offset);
  }

  /** Drops every item; ids keep counting from where they were. */
  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private at(offset: number): Sequenced<T> | undefined {
    return this.slots[(this.head + offset) % this.capacity];
  }
}
