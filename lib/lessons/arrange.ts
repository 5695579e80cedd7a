import type { PracticeQuestion } from './types';

/**
 * Where a question's right answer sits. Lessons are written with options in any order (most with
 * the answer first); a learner who saw that would score without reading. So every question shows
 * its options in an order that depends only on its id: the same on the server and in the browser,
 * on every render and after a reload, and different from one question to the next.
 */

/** A small stable hash of a text (the same in every process). */
function stableHash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** `items` rotated by an amount that depends only on `id`. */
export function rotateById<T>(id: string, items: readonly T[]): T[] {
  const n = items.length;
  const shift = n === 0 ? 0 : stableHash(id) % n;
  return items.map((_, i) => items[(i + shift) % n] as T);
}

/** How lesson text names an option: `{b}` is "the option whose id is b", shown as its letter. */
const OPTION_REF = /\{([a-z])\}/g;

/** The letter each option shows, by id, for options in display order. */
function lettersById(options: readonly { readonly id: string }[]): Map<string, string> {
  return new Map(options.map((o, i) => [o.id, String.fromCharCode(65 + i)]));
}

function named(text: string, letters: ReadonlyMap<string, string>, question: string): string {
  return text.replace(OPTION_REF, (_, id: string) => {
    const letter = letters.get(id);
    if (!letter)
      throw new Error(
        `Practice question "${question}" names option {${id}}, which it does not have.`,
      );
    return letter;
  });
}

/**
 * A practice question as learners see it: options rotated by {@link rotateById}, and every `{id}`
 * in its text replaced by the letter that option now shows.
 */
export function arrangeQuestion<Q extends PracticeQuestion>(q: Q): Q {
  const options = rotateById(q.id, q.options);
  const letters = lettersById(options);
  const text = (t: string) => named(t, letters, q.id);
  return {
    ...q,
    prompt: text(q.prompt),
    options: options.map((o) => ({ ...o, text: text(o.text) })),
    hint: text(q.hint),
    solution: q.solution.map(text),
    mistakes: q.mistakes.map(text),
  };
}

/** Every question of a practice set, arranged ({@link arrangeQuestion}). */
export function arrangePractice<Q extends PracticeQuestion>(questions: readonly Q[]): Q[] {
  return questions.map(arrangeQuestion);
}
