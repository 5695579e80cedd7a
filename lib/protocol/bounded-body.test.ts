import { describe, expect, it } from 'vitest';
import { readBoundedBody } from './bounded-body';

function streamOf(chunks: readonly string[]) {
  let cancelled = false;
  const enc = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(enc.encode(chunks[i++]!));
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled, pulled: () => i };
}

const noHeaders = { get: () => null };

describe('readBoundedBody', () => {
  it('joins the chunks of a body within the limit', async () => {
    const s = streamOf(['ab', 'cd', 'e']);
    const bytes = await readBoundedBody({ headers: noHeaders, body: s.body }, 5);
    expect(new TextDecoder().decode(bytes!)).toBe('abcde');
  });

  it('stops at the first chunk past the limit and cancels the rest (chunked, no length)', async () => {
    const s = streamOf(['aaaa', 'bbbb', 'cccc', 'dddd']);
    expect(await readBoundedBody({ headers: noHeaders, body: s.body }, 6)).toBeNull();
    expect(s.cancelled()).toBe(true);
    expect(s.pulled()).toBeLessThan(4);
  });

  it('refuses a declared length over the limit without reading', async () => {
    const s = streamOf(['x']);
    const headers = { get: (n: string) => (n === 'content-length' ? '100' : null) };
    expect(await readBoundedBody({ headers, body: s.body }, 10)).toBeNull();
    expect(s.pulled()).toBe(0);
  });

  it('reads no body as empty', async () => {
    expect((await readBoundedBody({ headers: noHeaders, body: null }, 10))!.byteLength).toBe(0);
  });
});
