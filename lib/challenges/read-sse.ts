/**
 * Reads Server-Sent Events from a fetch response body. EventSource cannot send an
 * Authorization header, so the Challenges page reads its stream with fetch and this parser.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */

/** One parsed event: its name (`message` when unnamed) and data. */
export interface ParsedSse {
  readonly event: string;
  readonly data: string;
}

/** Calls `onEvent` for every event of the body until it ends (or the signal aborts). */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ParsedSse) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent({ event, data: data.join('\n') });
    }
  }
}
