/** The scopes FlowLab's protected resources know. */
export const SCOPES = ['data:read', 'data:write', 'reports:read', 'live:present'] as const;
/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];

/** The scope `GET /api/data` requires. */
export const API_DATA_SCOPE: Scope = 'data:read';

/**
 * The scope of the presenter-only operations (live feed, reveal, reset, rooms, polls, stats).
 * Only the built-in `instructor` client is ever allowed it: no configured or demo client may be.
 */
export const PRESENTER_SCOPE: Scope = 'live:present';

/** What each scope lets a client do, in plain words (for metadata readers and the home page). */
export const SCOPE_DESCRIPTIONS: Readonly<Record<Scope, string>> = {
  'data:read': 'Read the demo data served by GET /api/data.',
  'data:write': 'Change the demo data (no endpoint uses it yet; it shows a multi-scope client).',
  'reports:read': 'Read reports (a token with only this scope is refused by GET /api/data).',
  'live:present':
    'Present the lesson: read the live feed, reveal a credential, reset the demo, run rooms and polls (the instructor only).',
};

/** Whether `value` is one of the {@link SCOPES}. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/**
 * Splits a `scope` parameter into its scope tokens (space-delimited, order kept, duplicates
 * dropped). Returns null when a token has characters RFC 6749 §3.3 does not allow.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function parseScope(value: string): string[] | null {
  const tokens = value.split(' ').filter((t) => t !== '');
  for (const t of tokens) {
    if (!/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(t)) return null;
  }
  return [...new Set(tokens)];
}
