'use client';

import { useId, useState } from 'react';
import { useEarlyEdits } from '@/components/ui/use-early-edits';
import { Card } from '@/components/ui/card';
import type { ClientProblem, LearnerClient } from './use-learner-client';

const field = 'border-line bg-bg w-full rounded-md border px-2 py-1.5 font-mono text-sm';

/**
 * For a lesson whose learner registers a key from their own code: the client_id and
 * registration_access_token `POST /register` answered, so this page can follow that client.
 */
export function AdoptClientForm({
  adopt,
  problem,
}: {
  adopt: (client: LearnerClient) => Promise<void>;
  problem: ClientProblem;
}) {
  const id = useId();
  const [clientId, setClientId] = useState('');
  const [token, setToken] = useState('');
  const fields = useEarlyEdits<HTMLFormElement>();
  return (
    <Card title="Your client">
      <p className="text-muted mb-3 text-sm">
        Register your own public key from your own code (POST /register with
        token_endpoint_auth_method private_key_jwt and your jwks; the first task below shows the
        request), then give this page the client_id and registration_access_token it answered: the
        page follows that client&apos;s progress. They stay in this browser.
      </p>
      <form
        ref={fields}
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void adopt({ clientId: clientId.trim(), registrationAccessToken: token.trim() });
        }}
      >
        <label htmlFor={`${id}-id`} className="block text-sm font-semibold">
          client_id
        </label>
        <input
          id={`${id}-id`}
          className={field}
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
        />
        <label htmlFor={`${id}-token`} className="block text-sm font-semibold">
          registration_access_token
        </label>
        <input
          id={`${id}-token`}
          className={field}
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
        <button type="submit" className="bg-accent text-bg rounded-md px-3 py-1.5 font-semibold">
          Follow this client
        </button>
        {problem === 'unknown' && (
          <p role="alert" className="text-err">
            The server does not know this client with this token.
          </p>
        )}
        {problem === 'not-own-key' && (
          <p role="alert" className="text-err">
            This client authenticates with a client secret. Register one with
            token_endpoint_auth_method private_key_jwt and your own jwks: only such a client can
            pass these tasks.
          </p>
        )}
      </form>
    </Card>
  );
}
