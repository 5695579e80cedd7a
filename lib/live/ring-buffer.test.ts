import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });

  it('stamps items with monotonic ids starting at 1', () => {
    const buf = new RingBuffer<string>(3);
    expect(buf.lastId).toBe(0);
    expect(buf.push('a').id).toBe(1);
    expect(buf.push('b').id).toBe(2);
    expect(buf.lastId).toBe(2);
    expect(buf.size).toBe(2);
  });

  it('never holds more than its capacity and evicts the oldest first', () => {
    const buf = new RingBuffer<number>(3);
    for (let i = 1; i <= 10; i += 1) buf.push(i * 10);
    expect(buf.size).toBe(3);
    expect(buf.since(0).map((x) => x.id)).toEqual([8, 9, 10]);
    expect(buf.since(0).map((x) => x.value)).toEqual([80, 90, 100]);
  });

  it('returns only what comes after a given id', () => {
    const buf = new RingBuffer<string>(5);
    ['a', 'b', 'c', 'd'].forEach((x) => buf.push(x));
    expect(buf.since(2).map((x) => x.value)).toEqual(['c', 'd']);
    expect(buf.since(4)).toEqual([]);
    expect(buf.since(99)).toEqual([]);
  });

  it('returns what is still held when the requested id was already evicted', () => {
    const buf = new RingBuffer<number>(2);
    [1, 2, 3, 4, 5].forEach((x) => buf.push(x));
    expect(buf.since(1).map((x) => x.id)).toEqual([4, 5]);
  });

  it('pages forward with a limit, oldest first', () => {
    const buf = new RingBuffer<number>(10);
    for (let i = 0; i < 6; i += 1) buf.push(i);
    expect(buf.since(0, 2).map((x) => x.id)).toEqual([1, 2]);
    expect(buf.since(2, 2).map((x) => x.id)).toEqual([3, 4]);
    expect(buf.since(0, 0)).toEqual([]);
  });

  it('looks items up by id while they are held', () => {
    const buf = new RingBuffer<string>(2);
    ['a', 'b', 'c'].forEach((x) => buf.push(x));
    expect(buf.get(1)).toBeUndefined();
    expect(buf.get(2)?.value).toBe('b');
    expect(buf.get(3)?.value).toBe('c');
    expect(buf.get(4)).toBeUndefined();
    expect(buf.get(2.5)).toBeUndefined();
  });

  it('keeps counting ids after clear, so readers can resume', () => {
    const buf = new RingBuffer<string>(4);
    buf.push('a');
    buf.push('b');
    buf.clear();
    expect(buf.size).toBe(0);
    expect(buf.since(0)).toEqual([]);
    expect(buf.push('c').id).toBe(3);
    expect(buf.since(2).map((x) => x.value)).toEqual(['c']);
  });

  it('stays correct across many wrap-arounds', () => {
    const buf = new RingBuffer<number>(7);
    for (let i = 1; i <= 1000; i += 1) buf.push(i);
    const ids = buf.since(0).map((x) => x.id);
    expect(ids).toEqual([994, 995, 996, 997, 998, 999, 1000]);
    expect(buf.since(997).map((x) => x.value)).toEqual([998, 999, 1000]);
  });
});
