import type { ReactNode } from 'react';

/** The color of a badge: a status or one of the three actors. */
export type BadgeTone = 'neutral' | 'ok' | 'err' | 'warn' | 'client' | 'authz' | 'api';

const tones: Readonly<Record<BadgeTone, string>> = {
  neutral: 'bg-raised text-fg border-line',
  ok: 'bg-ok-soft text-fg border-ok',
  err: 'bg-err-soft text-fg border-err',
  warn: 'bg-warn-soft text-fg border-warn',
  client: 'bg-client-soft text-fg border-client',
  authz: 'bg-authz-soft text-fg border-authz',
  api: 'bg-api-soft text-fg border-api',
};

/** A small labelled pill. Colour is never the only signal: the text says it too. */
export function Badge({
  tone = 'neutral',
  children,
  className = '',
}: {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]} ${className}`}
    >
      {children}
    </span>
  );
}
