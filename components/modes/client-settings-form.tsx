'use client';

import { useId, useState } from 'react';
import { useEarlyEdits } from '@/components/ui/use-early-edits';
import type { AuthMethod } from '@/lib/protocol/auth-methods';

/** The client settings a learner edits: credentials, scope and how the client authenticates. */
export interface ClientValues {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  readonly authMethod: Exclude<AuthMethod, 'both'>;
}

const field = 'w-full rounded-md border border-line bg-bg px-2 py-1.5 font-mono text-sm';

/** The learner's client values: id, secret (masked, with a show toggle), scope and how to authenticate. */
export function ClientSettingsForm({
  value,
  onChange,
}: {
  value: ClientValues;
  onChange: (v: ClientValues) => void;
}) {
  const id = useId();
  const [showSecret, setShowSecret] = useState(false);
  const fields = useEarlyEdits<HTMLFieldSetElement>();
  const set = <K extends keyof ClientValues>(key: K, v: ClientValues[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <fieldset
      ref={fields}
      className="border-line bg-surface grid gap-3 rounded-lg border p-4 sm:grid-cols-3"
    >
      <legend className="px-1 font-semibold">Your client</legend>
      <label className="text-sm">
        <span className="mb-1 block font-medium">client_id</span>
        <input
          className={field}
          value={value.clientId}
          onChange={(e) => set('clientId', e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <div className="text-sm">
        <label htmlFor={`${id}-secret`} className="mb-1 block font-medium">
          client_secret
        </label>
        <div className="flex gap-1">
          <input
            id={`${id}-secret`}
            className={field}
            type={showSecret ? 'text' : 'password'}
            value={value.clientSecret}
            onChange={(e) => set('clientSecret', e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <button
            type="button"
            onClick={() => setShowSecret((s) => !s)}
            aria-pressed={showSecret}
            className="border-line hover:bg-raised shrink-0 rounded-md border px-2 text-xs"
          >
            {showSecret ? 'Hide' : 'Show'}
            <span className="sr-only"> secret</span>
          </button>
        </div>
      </div>
      <label className="text-sm">
        <span className="mb-1 block font-medium">scope (optional)</span>
        <input
          className={field}
          value={value.scope}
          placeholder="default scope"
          onChange={(e) => set('scope', e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <fieldset className="text-sm sm:col-span-3">
        <legend className="mb-1 font-medium">Client authentication</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-1">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-auth`}
              checked={value.authMethod === 'basic'}
              onChange={() => set('authMethod', 'basic')}
              className="accent-accent"
            />
            HTTP Basic header (every server must support it)
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-auth`}
              checked={value.authMethod === 'body'}
              onChange={() => set('authMethod', 'body')}
              className="accent-accent"
            />
            Form fields in the body (servers MAY accept; NOT RECOMMENDED, RFC 6749 §2.3.1)
          </label>
        </div>
      </fieldset>
    </fieldset>
  );
}
