'use client';

import { useId, useState, type FormEvent } from 'react';
import { authMethods, type AuthMethod } from '@/lib/protocol/requests';
import { getScenario, isScenarioId, scenarios } from '@/lib/engine/scenarios';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { useStepper } from './stepper-provider';

const authLabels: Readonly<Record<AuthMethod, string>> = {
  basic: 'HTTP Basic header (client_secret_basic)',
  body: 'Form body parameters (client_secret_post)',
  both: 'Both at once (not allowed)',
};

const field = 'w-full rounded-md border border-line bg-surface px-2 py-1.5 font-mono text-sm';

function expectation(id: string): string {
  const s = getScenario(id);
  if (!s.expected) return 'Your values decide: run it and see.';
  const t = s.expected.token;
  const token = t.status === 200 ? 'token issued' : `${t.status} ${t.error ?? ''}`;
  const api = s.expected.api
    ? `, then API ${s.expected.api.status}${s.expected.api.error ? ` ${s.expected.api.error}` : ' data'}`
    : '';
  return `Expected: ${token}${api}.`;
}

/** Choose a scenario, or edit the client's values and run the flow with them. */
export function ScenarioPanel() {
  const scenarioId = useStepper((s) => s.scenarioId);
  const settings = useStepper((s) => s.settings);
  const selectScenario = useStepper((s) => s.selectScenario);
  const editSettings = useStepper((s) => s.editSettings);
  const [showSecret, setShowSecret] = useState(false);
  const id = useId();
  const scenario = getScenario(scenarioId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const method = String(data.get('authMethod'));
    editSettings({
      clientId: String(data.get('clientId') ?? ''),
      clientSecret: String(data.get('clientSecret') ?? ''),
      scope: String(data.get('scope') ?? ''),
      authMethod: (authMethods as readonly string[]).includes(method)
        ? (method as AuthMethod)
        : 'basic',
    });
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-scenario`} className="block text-sm font-semibold">
          Scenario
        </label>
        <select
          id={`${id}-scenario`}
          value={scenarioId}
          onChange={(e) => isScenarioId(e.target.value) && selectScenario(e.target.value)}
          className="border-line bg-surface mt-1 w-full rounded-md border px-2 py-1.5 text-sm"
          aria-describedby={`${id}-scenario-desc`}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p id={`${id}-scenario-desc`} className="text-muted mt-1 text-sm">
          {scenario.description} {expectation(scenarioId)}
        </p>
      </div>
      {/* Keyed by the settings, so choosing a scenario refills the form. */}
      <form
        key={JSON.stringify(settings)}
        onSubmit={onSubmit}
        className="grid gap-2 sm:grid-cols-2"
        aria-label="Your own client values"
      >
        <div>
          <label htmlFor={`${id}-cid`} className="text-sm">
            client_id
          </label>
          <input
            id={`${id}-cid`}
            name="clientId"
            defaultValue={settings.clientId}
            className={field}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div>
          <label htmlFor={`${id}-secret`} className="text-sm">
            client_secret
          </label>
          <div className="flex gap-1">
            <input
              id={`${id}-secret`}
              name="clientSecret"
              type={showSecret ? 'text' : 'password'}
              defaultValue={settings.clientSecret}
              className={field}
              autoComplete="off"
              spellCheck={false}
            />
            <Button
              size="sm"
              onClick={() => setShowSecret((v) => !v)}
              aria-pressed={showSecret}
              aria-label="Show secret"
            >
              <Icon name={showSecret ? 'eyeOff' : 'eye'} />
            </Button>
          </div>
        </div>
        <div>
          <label htmlFor={`${id}-scope`} className="text-sm">
            scope <span className="text-muted">(empty: the client’s default)</span>
          </label>
          <input
            id={`${id}-scope`}
            name="scope"
            defaultValue={settings.scope}
            className={field}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. data:read"
          />
        </div>
        <div>
          <label htmlFor={`${id}-auth`} className="text-sm">
            Client authentication
          </label>
          <select
            id={`${id}-auth`}
            name="authMethod"
            defaultValue={settings.authMethod}
            className={`${field} font-sans`}
          >
            {authMethods.map((m) => (
              <option key={m} value={m}>
                {authLabels[m]}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" variant="secondary">
            Run with these values
          </Button>
        </div>
      </form>
    </div>
  );
}
