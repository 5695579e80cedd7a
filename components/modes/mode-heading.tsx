import { getMode, type ModeId } from './modes';

/** The h1 of a mode page, with the mode's one-line purpose under it. */
export function ModeHeading({
  mode,
  lessonTitle,
  children,
}: {
  mode: ModeId;
  lessonTitle: string;
  children?: React.ReactNode;
}) {
  const m = getMode(mode);
  return (
    <header className="mb-6">
      <p className="text-muted text-sm font-medium">{lessonTitle}</p>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{m.label}</h1>
      <p className="text-muted mt-2 max-w-3xl">{children ?? m.blurb}</p>
    </header>
  );
}
