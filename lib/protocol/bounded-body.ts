/**
 * Reading an HTTP body without ever holding more than a small limit: the declared length is
 * checked first, then the stream is read chunk by chunk and cancelled as soon as it passes the
 * limit, chunked or not. Shared by the auth endpoints (form bodies) and the live routes (JSON).
 */

/** The part of a request a bounded read needs (a web `Request` qualifies). */
export interface BodySource {
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

/** The body's bytes, or `null` when it is longer than `maxBytes` (the stream is then cancelled). */
export async function readBoundedBody(
  request: BodySource,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
