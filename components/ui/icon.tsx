/** Small inline icons (no icon font, no emoji: they render the same everywhere). Decorative. */
const paths = {
  first: 'M6 5h2v14H6zM20 5v14L9 12z',
  last: 'M16 5h2v14h-2zM4 5v14l11-7z',
  prev: 'M16 5v14L5 12z',
  next: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  reset: 'M12 5a7 7 0 1 1-6.3 4H3l3.5-4L10 9H7.9A5 5 0 1 0 12 7z',
  eye: 'M12 5C6 5 2 12 2 12s4 7 10 7 10-7 10-7-4-7-10-7zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8z',
  eyeOff:
    'M3 4.3 4.3 3 21 19.7 19.7 21l-3.3-3.3A10.7 10.7 0 0 1 12 19C6 19 2 12 2 12a17 17 0 0 1 4.3-5.1zM12 5c6 0 10 7 10 7a17 17 0 0 1-2.6 3.5L8.6 5.6A10 10 0 0 1 12 5z',
  clock: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm1 5h-2v6l5 3 1-1.7-4-2.3z',
} as const;

/** The name of one of the app's built-in icons. */
export type IconName = keyof typeof paths;

/** An inline SVG icon, decorative (hidden from screen readers). */
export function Icon({ name, className = 'size-4' }: { name: IconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className={`shrink-0 fill-current ${className}`}
    >
      <path d={paths[name]} />
    </svg>
  );
}
