'use client';

import { useEarlyEdits } from '@/components/ui/use-early-edits';
import { speeds, type Speed } from '@/lib/engine/player';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { useStepper } from './stepper-provider';
import { runningStep } from '@/lib/store/stepper';

/** Previous / play-pause / next, reset, speed, and a dot per step to jump straight to it. */
export function StepperControls() {
  const lesson = useStepper((s) => s.lesson);
  const cursor = useStepper((s) => s.player.cursor);
  const playing = useStepper((s) => s.player.playing);
  const speed = useStepper((s) => s.player.speed);
  const running = useStepper(runningStep);
  const { next, prev, reset, togglePlay, setSpeed, seek, last } = useStepper((s) => s);
  const total = lesson.steps.length;
  // `data-ready` says the controls have hydrated, which is what a script driving the page (the
  // browser tests) waits for; presses before that are kept (early-clicks.ts).
  const controls = useEarlyEdits<HTMLDivElement>();
  return (
    <div
      ref={controls}
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label="Step controls"
    >
      <Button onClick={reset} aria-label="Reset to start" title="Reset (clears the run)">
        <Icon name="reset" />
        <span className="max-sm:sr-only">Reset</span>
      </Button>
      <Button
        onClick={prev}
        unavailable={cursor === 0 || running !== null}
        aria-keyshortcuts="ArrowLeft"
      >
        <Icon name="prev" /> Previous
      </Button>
      <Button
        variant="primary"
        onClick={togglePlay}
        aria-keyshortcuts="Space"
        aria-pressed={playing}
      >
        <Icon name={playing ? 'pause' : 'next'} /> {playing ? 'Pause' : 'Play'}
      </Button>
      <Button
        onClick={() => void next()}
        unavailable={cursor >= total}
        aria-keyshortcuts="ArrowRight"
      >
        Next <Icon name="next" />
      </Button>
      <Button
        onClick={() => void last()}
        unavailable={cursor >= total}
        aria-label="Last step"
        aria-keyshortcuts="End"
      >
        <Icon name="last" />
        <span className="max-sm:sr-only">Last</span>
      </Button>
      <label className="flex items-center gap-1 text-sm">
        <span>Speed</span>
        <select
          autoComplete="off"
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value) as Speed)}
          className="border-line bg-surface rounded-md border px-1.5 py-1"
        >
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <ol className="flex flex-wrap items-center gap-1.5" aria-label="Jump to step">
        {lesson.steps.map((step) => {
          const current = step.number === cursor;
          return (
            <li key={step.id}>
              <button
                type="button"
                onClick={() => void seek(step.number)}
                aria-label={`Step ${step.number}: ${step.title}`}
                aria-current={current ? 'step' : undefined}
                className={`flex size-8 items-center justify-center rounded-full border text-sm font-semibold ${
                  current
                    ? 'border-accent bg-accent text-bg'
                    : step.number < cursor
                      ? 'border-accent bg-surface text-fg'
                      : 'border-line bg-surface text-muted hover:bg-raised'
                }`}
              >
                {step.number}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="text-muted text-xs max-md:hidden">
        Keys: <kbd>←</kbd> <kbd>→</kbd> step, <kbd>Space</kbd> play, <kbd>Home</kbd>/<kbd>End</kbd>{' '}
        first/last
      </p>
    </div>
  );
}
