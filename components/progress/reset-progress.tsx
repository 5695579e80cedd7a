'use client';

import { useId, useRef } from 'react';
import { useProgress } from '@/lib/store/progress-hooks';

/**
 * "Reset progress" behind a confirmation: a modal <dialog> (focus moves into it and returns
 * afterwards, Escape cancels), with Cancel focused first so a stray Enter loses nothing.
 */
export function ResetProgress() {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const reset = useProgress((s) => s.reset);
  const id = useId();

  return (
    <>
      <button
        type="button"
        onClick={() => {
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
        className="border-err text-err hover:bg-err-soft rounded-md border px-3 py-1.5 text-sm font-medium"
      >
        Reset progress…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        className="border-line bg-surface text-fg m-auto max-w-md rounded-lg border p-5 backdrop:bg-black/50"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Reset your progress?
        </h2>
        <p id={`${id}-desc`} className="text-muted mt-2 text-sm">
          This forgets every answer, score, visited mode and the last step you reached, in this
          browser. It cannot be undone.
        </p>
        <form method="dialog" className="mt-4 flex justify-end gap-2">
          <button
            ref={cancel}
            value="cancel"
            className="border-line hover:bg-raised rounded-md border px-3 py-1.5 text-sm font-medium"
          >
            Cancel
          </button>
          <button
            value="reset"
            onClick={() => reset()}
            className="bg-err text-bg rounded-md px-3 py-1.5 text-sm font-semibold"
          >
            Reset everything
          </button>
        </form>
      </dialog>
    </>
  );
}
