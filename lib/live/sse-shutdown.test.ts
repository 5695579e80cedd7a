import { afterEach, describe, expect, it } from 'vitest';
import { createSseStream } from './sse';
import { onShutdown, openStreamCount, resetShutdown, shutdownLive } from './sse-shutdown';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of stream) text += decoder.decode(chunk);
  return text;
}

describe('shutdownLive', () => {
  afterEach(() => resetShutdown());

  it('ends every open stream with event: restarting, runs its cleanup and then the hooks', async () => {
    const order: string[] = [];
    const streams = [1, 2].map((n) =>
      createSseStream({
        start(channel) {
          channel.send({ event: 'hello', data: String(n) });
          return () => order.push(`cleanup ${n}`);
        },
      }),
    );
    const stop = onShutdown(() => order.push('hook'));
    const before = openStreamCount();
    expect(shutdownLive()).toBe(before);
    stop();
    expect(order).toEqual(['cleanup 1', 'cleanup 2', 'hook']);
    for (const [i, stream] of streams.entries()) {
      expect(await readAll(stream)).toBe(
        `event: hello\ndata: ${i + 1}\n\nevent: restarting\nretry: 250\ndata: {"reason":"server restarting"}\n\n`,
      );
    }
    expect(openStreamCount()).toBe(0);
  });

  it('serves no new stream once the process is ending', async () => {
    shutdownLive();
    let started = false;
    const stream = createSseStream({
      start() {
        started = true;
      },
    });
    expect(await readAll(stream)).toBe('');
    expect(started).toBe(false);
  });
});
