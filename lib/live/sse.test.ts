import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSseStream, encodeComment, encodeSse, parseLastEventId } from './sse';

async function readSome(stream: ReadableStream<Uint8Array>, chunks: number): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let i = 0; i < chunks; i += 1) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  reader.releaseLock();
  return text;
}

describe('encodeSse', () => {
  it('writes event, id and data lines and a blank line', () => {
    expect(encodeSse({ id: 3, event: 'request', data: '{"a":1}' })).toBe(
      'event: request\nid: 3\ndata: {"a":1}\n\n',
    );
  });

  it('splits multi-line data into several data lines', () => {
    expect(encodeSse({ data: 'one\ntwo\r\nthree' })).toBe('data: one\ndata: two\ndata: three\n\n');
  });

  it('cannot be broken by line breaks in the event name or id', () => {
    expect(encodeSse({ event: 'x\ndata: evil', data: 'ok' })).toBe(
      'event: x data: evil\ndata: ok\n\n',
    );
  });

  it('writes the retry field', () => {
    expect(encodeSse({ retry: 1500.7, data: '' })).toBe('retry: 1500\ndata: \n\n');
  });

  it('writes comments', () => {
    expect(encodeComment('heartbeat')).toBe(': heartbeat\n\n');
  });
});

describe('parseLastEventId', () => {
  it('accepts non-negative integers only', () => {
    expect(parseLastEventId('42')).toBe(42);
    expect(parseLastEventId(' 7 ')).toBe(7);
    expect(parseLastEventId(null)).toBe(0);
    expect(parseLastEventId('-1')).toBe(0);
    expect(parseLastEventId('1e3')).toBe(0);
    expect(parseLastEventId('abc')).toBe(0);
  });
});

describe('createSseStream', () => {
  afterEach(() => vi.useRealTimers());

  it('streams what start() sends', async () => {
    const stream = createSseStream({
      start(channel) {
        channel.send({ id: 1, event: 'request', data: 'hello' });
      },
    });
    expect(await readSome(stream, 1)).toBe('event: request\nid: 1\ndata: hello\n\n');
  });

  it('sends heartbeat comments on an interval', async () => {
    vi.useFakeTimers();
    const stream = createSseStream({ heartbeatMs: 1000, start: () => undefined });
    vi.advanceTimersByTime(2500);
    expect(await readSome(stream, 2)).toBe(': heartbeat\n\n: heartbeat\n\n');
  });

  it('runs the cleanup exactly once when the request aborts', async () => {
    const abort = new AbortController();
    const cleanup = vi.fn();
    let channelRef: { closed: boolean; send: (m: { data: string }) => boolean } | undefined;
    const stream = createSseStream({
      signal: abort.signal,
      start(channel) {
        channelRef = channel;
        return cleanup;
      },
    });
    abort.abort();
    abort.abort();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(channelRef?.closed).toBe(true);
    expect(channelRef?.send({ data: 'late' })).toBe(false);
    const reader = stream.getReader();
    expect((await reader.read()).done).toBe(true);
  });

  it('runs the cleanup when the reader cancels', async () => {
    const cleanup = vi.fn();
    const stream = createSseStream({ start: () => cleanup });
    await stream.cancel();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('closes a stream whose reader falls too far behind', async () => {
    const cleanup = vi.fn();
    let sent = 0;
    const stream = createSseStream({
      maxQueued: 5,
      start(channel) {
        for (let i = 0; i < 100; i += 1) if (channel.send({ data: String(i) })) sent += 1;
        return cleanup;
      },
    });
    expect(sent).toBeLessThan(100);
    expect(cleanup).toHaveBeenCalledTimes(1);
    // What was queued before the cut is still delivered, then the stream ends.
    const text = await new Response(stream).text();
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(sent);
  });

  it('does not start when the request is already aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const start = vi.fn();
    const stream = createSseStream({ signal: abort.signal, start });
    expect(start).not.toHaveBeenCalled();
    expect(await new Response(stream).text()).toBe('');
  });
});
