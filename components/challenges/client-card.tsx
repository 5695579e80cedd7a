'use client';

import { useState } from 'react';
import { CopyButton } from '@/components/modes/copy-button';
import { Card } from '@/components/ui/card';
import { SECRET_CLIENT_METHOD, type LearnerClient } from './use-learner-client';

function Credential({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <dt className="w-28 text-sm font-semibold">{label}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <code
          data-testid={label}
          className="bg-raised rounded px-1.5 py-0.5 font-mono text-sm break-all"
        >
          {value}
        </code>
        <CopyButton text={value} label={label} />
      </dd>
    </div>
  );
}

/** The learner's own client: client_id and client_secret as text, copy buttons, a new secret. */
export function ClientCard({
  client,
  renew,
}: {
  client: LearnerClient;
  renew: () => Promise<boolean>;
}) {
  const [status, setStatus] = useState<'idle' | 'busy' | 'renewed' | 'failed'>('idle');
  return (
    <Card title="Your client">
      <p className="text-muted mb-3 text-sm">
        {client.clientSecret === undefined
          ? 'The client your own code registered with its own key; this page follows its progress.'
          : 'Registered for this browser only.'}{' '}
        Use it from your own terminal or code: each task below is checked off when FlowLab&apos;s
        server sees a request that authenticates as this client.{' '}
        {client.clientSecret === undefined
          ? 'The server keeps only your public key; this page keeps the client_id and registration_access_token in this browser’s storage.'
          : 'The server keeps only a hash of the secret; this page keeps it in this browser’s storage.'}
      </p>
      <dl className="space-y-2">
        <Credential label="client_id" value={client.clientId} />
        {client.clientSecret !== undefined && (
          <Credential label="client_secret" value={client.clientSecret} />
        )}
      </dl>
      {client.clientSecret !== undefined && (
        <p className="border-accent mt-3 border-l-4 pl-3 text-sm" data-testid="secret-method">
          <strong>Send the secret with HTTP Basic only</strong>: this client is registered with
          token_endpoint_auth_method <code className="font-mono">{SECRET_CLIENT_METHOD}</code>, so
          use <code className="font-mono">curl -u client_id:client_secret</code> or an{' '}
          <code className="font-mono">Authorization: Basic</code> header. A client_secret in the
          body (client_secret_post) is refused with 401 invalid_client; some libraries send it there
          by default (openid-client does), so set their method to {SECRET_CLIENT_METHOD}.
        </p>
      )}
      <div
        className="mt-3 flex flex-wrap items-center gap-2"
        hidden={client.clientSecret === undefined}
      >
        <button
          type="button"
          disabled={status === 'busy'}
          onClick={async () => {
            setStatus('busy');
            setStatus((await renew()) ? 'renewed' : 'failed');
          }}
          className="border-line bg-surface hover:bg-raised rounded-md border px-3 py-1.5 text-sm font-medium"
        >
          New secret
        </button>
        <span aria-live="polite" className="text-muted text-sm">
          {status === 'renewed'
            ? 'New secret issued: the old one no longer works.'
            : status === 'failed'
              ? 'Could not issue a new secret; try again.'
              : ''}
        </span>
      </div>
    </Card>
  );
}
