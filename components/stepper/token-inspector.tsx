'use client';

import { useEffect, useMemo, useState } from 'react';
import { browserSendDeps, sendRequest } from '@/lib/protocol/fetch';
import { buildJwksRequest } from '@/lib/protocol/requests';
import { decodeToken, isJwks, type TokenField } from '@/lib/engine/jwt';
import type { SignatureCheck } from '@/lib/engine/jwt-verify';

type Check = { token: string; result: SignatureCheck };

function Fields({ title, fields }: { title: string; fields: readonly TokenField[] }) {
  return (
    <div className="min-w-0">
      <h4 className="text-muted mb-1 text-xs font-semibold uppercase">{title}</h4>
      <dl className="space-y-1.5 text-sm">
        {fields.map((f) => (
          <div key={f.name} className="border-line bg-raised rounded-md border px-2 py-1">
            <dt className="font-mono text-xs font-semibold">{f.name}</dt>
            <dd className="font-mono text-xs break-all">{f.display}</dd>
            <dd className="text-muted text-xs">{f.explanation}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * Decodes an access token (header and claims, each explained, dates as ISO) and checks its
 * signature against the server's JWKS, fetched from the same origin.
 */
export function TokenInspector({ token }: { token: string }) {
  const decoded = useMemo(() => decodeToken(token), [token]);
  const [check, setCheck] = useState<Check | null>(null);

  useEffect(() => {
    let cancelled = false;
    sendRequest(buildJwksRequest(window.location.origin), browserSendDeps())
      .then(async ({ response: { json: jwks } }) => {
        // The verifier (most of jose) loads only once a token is shown.
        const result: SignatureCheck = isJwks(jwks)
          ? await (await import('@/lib/engine/jwt-verify')).verifySignature(token, jwks)
          : { ok: false, reason: 'No JWKS' };
        if (!cancelled) setCheck({ token, result });
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setCheck({
            token,
            result: { ok: false, reason: `Could not fetch the JWKS: ${String(error)}` },
          });
      });
    return () => {
      cancelled = true;
    };
  }, [token]);

  if (!decoded)
    return (
      <p className="text-muted text-sm">
        This access token is not a JWT, so there is nothing to decode.
      </p>
    );
  const result = check?.token === token ? check.result : null;
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm [overflow-wrap:anywhere]">
        {result === null ? (
          <span className="text-muted">Checking the signature against /.well-known/jwks.json…</span>
        ) : result.ok ? (
          <span className="text-ok font-semibold">
            <span aria-hidden="true">✓ </span>Signature verified
            {result.kid ? ` with key ${result.kid}` : ''} ({result.alg})
          </span>
        ) : (
          <span className="text-err font-semibold">
            <span aria-hidden="true">✗ </span>Signature invalid: {result.reason}
          </span>
        )}
      </p>
      <p className="font-mono text-xs break-all">
        <span className="text-authz">{decoded.parts.header}</span>.
        <span className="text-client">{decoded.parts.payload}</span>.
        <span className="text-api">{decoded.parts.signature}</span>
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <Fields title="Header" fields={decoded.header} />
        <Fields title="Claims" fields={decoded.claims} />
      </div>
    </div>
  );
}
