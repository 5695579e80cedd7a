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
        className="border-line bg-surface hover:bg-raised rounded-md border px-2 py-1 text-xs font-medium"
      >
        Copy<span className="sr-only"> {label}</span>
      </button>
      <span aria-live="polite" className="text-muted text-xs">
        {status === 'copied'
          ? 'Copied'
          : status === 'failed'
            ? 'Copy failed: select the text instead'
            : ''}
      </span>
    </span>
  );
}
