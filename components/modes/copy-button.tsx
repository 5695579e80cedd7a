'use client';

import { useState } from 'react';

/** Copies text to the clipboard and says so (politely) to screen readers. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setStatus('copied');
          } catch {
            setStatus('failed');
          }
          setTimeout(() => setStatus('idle'), 2000);
        }}
        className="rounded-md border border-line bg-surface px-2 py-1 text-xs font-medium hover:bg-raised"
      >
        Copy<span className="sr-only"> {label}</span>
      </button>
      <span aria-live="polite" className="text-xs text-muted">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}
