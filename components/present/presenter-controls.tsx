'use client';

import { useStepper } from '@/components/stepper/stepper-provider';
import { runningStep } from '@/lib/store/stepper';

const button =
  'rounded-md border border-line bg-surface px-3 py-1.5 text-lg font-medium hover:bg-raised disabled:cursor-not-allowed disabled:opacity-50';

/** Step controls for the mouse (everything here also has a key; see the shortcut sheet). */
export function PresenterControls() {
  const cursor = useStepper((s) => s.player.cursor);
  const length = useStepper((s) => s.player.length);
  const playing = useStepper((s) => s.player.playing);
  const running = useStepper(runningStep);
  const prev = useStepper((s) => s.prev);
  const next = useStepper((s) => s.next);
  const togglePlay = useStepper((s) => s.togglePlay);
  const reset = useStepper((s) => s.reset);
  return (
    <div className="flex items-center gap-2" role="group" aria-label="Step controls">
      <button
        type="button"
        className={button}
        onClick={prev}
        disabled={cursor === 0 || running !== null}
      >
        <span aria-hidden="true">◀ </span>Prev
      </button>
      <button type="button" className={button} onClick={togglePlay} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className={button}
        onClick={() => void next()}
        disabled={cursor >= length}
      >
        Next<span aria-hidden="true"> ▶</span>
      </button>
      <button type="button" className={button} onClick={reset}>
        Reset
      </button>
      <span className="ml-1 font-mono text-xl" data-testid="step-position">
        {cursor === 0 ? 'Start' : `Step ${cursor}/${length}`}
      </span>
    </div>
  );
}
