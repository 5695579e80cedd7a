import type { HTMLAttributes, ReactNode } from 'react';

/** Props of a card: an optional title bar (heading, level, actions) over any section attributes. */
export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** Heading shown at the top of the card. */
  readonly title?: ReactNode;
  /** Heading level of the title (default 2). */
  readonly level?: 2 | 3;
  /** Something on the right of the title bar (a badge, a toggle). */
  readonly actions?: ReactNode;
}

/** A bordered surface section with an optional title bar. */
export function Card({ title, level = 2, actions, className = '', children, ...props }: CardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`border-line bg-surface min-w-0 rounded-lg border ${className}`} {...props}>
      {title !== undefined && (
        <div className="border-line flex flex-wrap items-center justify-between gap-2 border-b px-3 py-2">
          <Heading className="text-sm font-semibold tracking-wide">{title}</Heading>
          {actions}
        </div>
      )}
      <div className="p-3">{children}</div>
    </section>
  );
}
