import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost';

const variants: Readonly<Record<Variant, string>> = {
  primary: 'bg-accent text-bg hover:opacity-90 border border-transparent',
  secondary: 'bg-surface text-fg border border-line hover:bg-raised',
  ghost: 'bg-transparent text-fg border border-transparent hover:bg-raised',
};

/** Props of {@link Button}: the usual button attributes plus its variant and size. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: Variant;
  readonly size?: 'sm' | 'md';
  /**
   * Unavailable but still focusable (`aria-disabled`, clicks ignored): for a button that can
   * become unavailable while it has the focus, such as Next at the last step, so that the focus
   * stays on it instead of falling back to the top of the page.
   */
  readonly unavailable?: boolean;
}

/** A button with the app's look; `type="button"` unless told otherwise. */
export function Button({
  variant = 'secondary',
  size = 'md',
  className = '',
  type = 'button',
  unavailable = false,
  onClick,
  ...props
}: ButtonProps) {
  const sizing = size === 'sm' ? 'px-2 py-1 text-sm' : 'px-3 py-1.5';
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 ${sizing} ${variants[variant]} ${className}`}
      aria-disabled={unavailable || undefined}
      onClick={unavailable ? undefined : onClick}
      {...props}
    />
  );
}
