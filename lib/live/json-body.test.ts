import { describe, expect, it } from 'vitest';
import { isJsonContentType, readJsonBody } from './json-body';

const json = { 'Content-Type': 'application/json' };

/** A request whose body arrives in chunks without a Content-Length (chunked), counting reads. */
function chunked(chunks: number, size: number) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = new Request('http://x/api/rooms', {
    method: 'POST',
    headers: json,
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled, cancelled: () => cancelled };
}

describe('readJsonBody', () => {
  it('parses a small JSON body', async () => {
    const request = new Request('http://x', { method: 'POST', headers: json, body: '{"a":1}' });
    expect(await readJsonBody(request)).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses other content types with 415 (no preflight-free cross-site posts)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const request = new Request('http://x', {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: '{}',
      });
      expect(await readJsonBody(request)).toEqual({ ok: false, error: 'unsupported_media_type' });
    }
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType(null)).toBe(false);
  });

  it('refuses malformed JSON, malformed UTF-8 and an empty body', async () => {
    for (const body of ['{', 'nope', '', new Uint8Array([0x22, 0xff, 0x22])]) {
      const request = new Request('http://x', { method: 'POST', headers: json, body });
      expect(await readJsonBody(request)).toEqual({ ok: false, error: 'invalid_json' });
    }
  });

  it('refuses a declared oversized body without reading it', async () => {
    const request = new Request('http://x', {
      method: 'POST',
      headers: { ...json, 'Content-Length': '5000' },
      body: 'x'.repeat(5000),
    });
    expect(await readJsonBody(request, 4096)).toEqual({ ok: false, error: 'body_too_large' });
  });

  it('stops reading a chunked body at the limit and cancels the stream', async () => {
    const body = chunked(1_000_000, 1024); // would be 1 GB
    expect(await readJsonBody(body.request, 4096)).toEqual({ ok: false, error: 'body_too_large' });
    expect(body.pulled()).toBeLessThan(10);
    expect(body.cancelled()).toBe(true);
  });
});
