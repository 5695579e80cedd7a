'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes,
 * focus returns to where it was. Controlled by `open`.
 */
export function ModalDialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="border-line bg-surface text-fg m-auto max-h-[90dvh] w-[min(40rem,92vw)] rounded-lg border p-5 shadow-xl backdrop:bg-black/60"
    >
      <h2 id={titleId} className="text-2xl font-bold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </dialog>
  );
}
