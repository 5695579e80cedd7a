'use client';

import { useState } from 'react';
import { RESET_HEADER, livePaths } from '@/lib/live/protocol';
import { ModalDialog } from './modal-dialog';

/** Confirms, then resets the demo state: revoked tokens, rate-limit counters and the feed. */
export function ResetDemoDialog({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(livePaths.reset, {
        method: 'POST',
        headers: { [RESET_HEADER]: 'reset' },
      });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      onDone();
      onClose();
    } catch (e) {
      setError(`Reset failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <ModalDialog open={open} onClose={onClose} title="Reset the demo state?">
      <p className="text-lg">
        This forgets every revoked token and every rate-limit counter on the server, and clears the
        live request feed for everyone watching it. Issued tokens stay valid until they expire.
      </p>
      {error && (
        <p role="alert" className="text-err mt-2">
          {error}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          onClick={onClose}
          className="border-line hover:bg-raised rounded-md border px-3 py-1.5"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={confirm}
          disabled={busy}
          className="bg-err text-bg rounded-md border border-transparent px-3 py-1.5 font-semibold disabled:opacity-50"
        >
          {busy ? 'Resetting…' : 'Reset demo state'}
        </button>
      </div>
    </ModalDialog>
  );
}
