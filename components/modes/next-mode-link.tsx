import { IntentLink } from '@/components/ui/intent-link';
import { modeHref, modes, type ModeId } from './modes';

/** "Next: <mode>" at the end of a mode page, so the lesson reads front to back. */
export function NextModeLink({ lesson, current }: { lesson: string; current: ModeId }) {
  const index = modes.findIndex((m) => m.id === current);
  const next = modes[index + 1];
  if (!next) return null;
  return (
    <p className="border-line mt-8 border-t pt-4 print:hidden">
      <IntentLink
        href={modeHref(lesson, next.id)}
        className="text-accent font-medium underline-offset-2 hover:underline"
      >
        Next: {next.label} <span aria-hidden="true">→</span>
      </IntentLink>
    </p>
  );
}
