'use client';

import { useId, useState } from 'react';
import { useEarlyEdits } from '@/components/ui/use-early-edits';
import { authMethods, type AuthMethod } from '@/lib/protocol/auth-methods';
import type { TokenRequestSettings } from '@/lib/protocol/requests';
import { CUSTOM_SCENARIO, getScenario, isScenarioOf, type Scenario } from '@/lib/engine/scenarios';
import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { settingsEdited } from '@/lib/store/stepper';
import { useStepper } from './stepper-provider';

const authLabels: Readonly<Record<AuthMethod, string>> = {
  basic: 'HTTP Basic header (client_secret_basic)',
  body: 'Form body parameters (client_secret_post, NOT RECOMMENDED)',
  both: 'Both at once (not allowed)',
  private_key_jwt: 'Signed client assertion (private_key_jwt)',
};

const field = 'w-full rounded-md border border-line bg-surface px-2 py-1.5 font-mono text-sm';

function expectation(s: Scenario): string {
  if (!s.expected) return 'Your values decide: run it and see.';
  const t = s.expected.token;
  const token = t.status === 200 ? 'token issued' : `${t.status} ${t.error ?? ''}`;
  const api = s.expected.api
    ? `, then API ${s.expected.api.status}${s.expected.api.error ? ` ${s.expected.api.error}` : ' data'}`
    : '';
  return `Expected: ${token}${api}.`;
}

/** Choose a scenario, or edit the client's values: an edit takes effect at once. */
export function ScenarioPanel() {
  const lesson = useStepper((s) => s.lesson);
  const scenarioId = useStepper((s) => s.scenarioId);
  const settings = useStepper((s) => s.settings);
  const selectScenario = useStepper((s) => s.selectScenario);
  const editSettings = useStepper((s) => s.editSettings);
  const [showSecret, setShowSecret] = useState(false);
  const [notice, setNotice] = useState('');
  const id = useId();
  const fields = useEarlyEdits<HTMLDivElement>();
  const scenario = getScenario(lesson, scenarioId);
  const hints = scenario.emptyValueHints ?? lesson.emptyValueHints;

  /**
   * Applies one edit: the run starts over from step 1 with the edited values (the fields and the
   * request panel can never disagree), and a polite live region says so.
   */
  function edit(patch: Partial<TokenRequestSettings>, what: string) {
    editSettings(patch);
    setNotice(`${what} changed: the run starts over from step 1 with your values.`);
  }

  return (
    <div ref={fields} className="space-y-3">
      <div>
        <label htmlFor={`${id}-scenario`} className="block text-sm font-semibold">
          Scenario
        </label>
        {/* autoComplete off: Back loads the page again, and the browser would put back this
            field's old value under the one the address bar names, as if the learner picked it */}
        <select
          id={`${id}-scenario`}
          autoComplete="off"
          value={scenarioId}
          onChange={(e) => {
            if (!isScenarioOf(lesson, e.target.value)) return;
            selectScenario(e.target.value);
            setNotice('');
          }}
          className="border-line bg-surface mt-1 w-full rounded-md border px-2 py-1.5 text-sm"
          aria-describedby={`${id}-scenario-desc`}
        >
          {lesson.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p id={`${id}-scenario-desc`} className="text-muted mt-1 text-sm">
          {scenario.description} {expectation(scenario)}
          {scenarioId !== CUSTOM_SCENARIO && settingsEdited({ lesson, scenarioId, settings })
            ? ' Your edits below change its request; the scenario’s steps stay.'
            : ''}
        </p>
      </div>
      <form
        onSubmit={(e) => e.preventDefault()}
        className="grid gap-2 sm:grid-cols-2"
        aria-label="Your own client values"
        aria-describedby={`${id}-edit-note`}
      >
        <div>
          <label htmlFor={`${id}-cid`} className="text-sm">
            client_id
          </label>
          <input
            id={`${id}-cid`}
            name="clientId"
            value={settings.clientId}
            onChange={(e) => edit({ clientId: e.target.value }, 'client_id')}
            placeholder={hints?.clientId}
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
              value={settings.clientSecret}
              onChange={(e) => edit({ clientSecret: e.target.value }, 'client_secret')}
              placeholder={hints?.clientSecret}
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
            value={settings.scope}
            onChange={(e) => edit({ scope: e.target.value }, 'scope')}
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
            autoComplete="off"
            value={settings.authMethod}
            onChange={(e) => {
              const method = authMethods.find((m) => m === e.target.value);
              if (method) edit({ authMethod: method }, 'Client authentication');
            }}
            className={`${field} font-sans`}
          >
            {authMethods.map((m) => (
              <option key={m} value={m}>
                {authLabels[m]}
              </option>
            ))}
          </select>
        </div>
        <p id={`${id}-edit-note`} className="text-muted text-sm sm:col-span-2">
          An edit applies at once: the run starts over from step 1 with these values.
        </p>
        <p role="status" aria-live="polite" className="text-sm font-medium sm:col-span-2">
          {notice}
        </p>
      </form>
    </div>
  );
}
