import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lessons } from '@/lib/lessons';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request (the file is read once, then kept). */
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ file: string }> };

/** The programs the lessons hand out (their `challenges.sample`), and nothing else. */
const SAMPLES: ReadonlySet<string> = new Set(
  lessons.flatMap((l) => (l.challenges?.sample ? [l.challenges.sample.file] : [])),
);

const TYPES: Readonly<Record<string, string>> = {
  py: 'text/x-python; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
};

const cache = new Map<string, Promise<string | null>>();

/**
 * GET /examples/<file>: a lesson's sample program, from the repository's `examples/` folder, so
 * a learner with a terminal fetches it from the class's own server (`curl -fO`). Any other name
 * is 404, whatever it names on disk.
 */
async function handleGet(_request: Request, { params }: Params): Promise<Response> {
  const { file } = await params;
  const text = SAMPLES.has(file) ? await sample(file) : null;
  if (text === null) {
    return new Response('No such sample program here.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  return new Response(text, {
    headers: {
      'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The program's text, read once; null when this installation has no `examples/` copy of it. */
function sample(file: string): Promise<string | null> {
  let text = cache.get(file);
  if (!text) {
    text = readFile(join(process.cwd(), 'examples', file), 'utf8').catch(() => {
      cache.delete(file); // perhaps there later: look again next time
      return null;
    });
    cache.set(file, text);
  }
  return text;
}

/** GET (and HEAD); 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  GET: handleGet,
});
