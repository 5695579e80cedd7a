/**
 * Which parts of several rendered HTTP requests differ: each header line is one part, and a form
 * body is split into its parameters, so `grant_type=client_credentials` stays plain while the
 * credential parameters stand out. A part differs when at least one other request lacks it.
 */

/** A piece of one line of a rendered request. */
export interface Part {
  readonly text: string;
  readonly differs: boolean;
}

/** One line of a rendered request, in parts. */
export type MarkedLine = readonly Part[];

/** The comparable pieces of a request: header lines whole, body lines by `&`-separated parameter. */
function split(text: string): { key: string; text: string }[][] {
  const lines = text.split('\n');
  const blank = lines.indexOf('');
  return lines.map((line, i) => {
    if (blank === -1 || i <= blank || line === '') return [{ key: `h:${line}`, text: line }];
    return line
      .split('&')
      .map((param, j) => ({ key: `b:${param}`, text: j === 0 ? param : `&${param}` }));
  });
}

/** Each text's lines in parts, each part marked when some other text lacks it. */
export function markDifferences(texts: readonly string[]): MarkedLine[][] {
  const pieces = texts.map(split);
  const keySets = pieces.map((lines) => new Set(lines.flat().map((p) => p.key)));
  const inAll = (key: string) => keySets.every((keys) => keys.has(key));
  return pieces.map((lines) =>
    lines.map((line) =>
      line.map((p) => ({
        text: p.text,
        differs: texts.length > 1 && !inAll(p.key) && p.text !== '',
      })),
    ),
  );
}
