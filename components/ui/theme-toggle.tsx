'use client';

import { useSyncExternalStore } from 'react';

type Theme = 'light' | 'dark';

function readTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** Switches between light and dark and remembers the choice in this browser. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, readTheme, () => 'light' as Theme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      onClick={() => {
        document.documentElement.dataset.theme = next;
        try {
          localStorage.setItem('flowlab-theme', next);
        } catch {
          // storage may be unavailable (private mode); the switch still applies to this page
        }
      }}
      className="border-line hover:bg-raised rounded-md border px-2.5 py-1 text-sm"
      aria-label={`${theme === 'dark' ? 'Dark' : 'Light'} theme: switch to ${next}`}
    >
      {theme === 'dark' ? '☾ Dark' : '☀ Light'}
    </button>
  );
}
