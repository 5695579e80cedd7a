import type { ComponentType, ReactNode } from 'react';

/** Children as a function of one part of a lesson (its run, its practice questions). */
export type PartChildren<T> = { children: (part: T) => ReactNode };

/** The component a lesson part's chunk resolves to: it renders `children(part)`. */
export function providing<T>(part: T): ComponentType<PartChildren<T>> {
  return function ProvidesPart({ children }: PartChildren<T>) {
    return children(part);
  };
}

/**
 * The view that renders `children(part)` with the part of the lesson with this slug, from one
 * `next/dynamic` component per lesson (each with a literal import, so the page preloads its
 * chunk), for a view handed a slug its page already checked (throws otherwise).
 */
export function lessonPartView<T>(parts: ReadonlyMap<string, ComponentType<PartChildren<T>>>) {
  return function WithLessonPart({ slug, children }: { slug: string } & PartChildren<T>) {
    const Part = parts.get(slug);
    if (!Part) throw new Error(`No lesson "${slug}".`);
    return <Part>{children}</Part>;
  };
}
