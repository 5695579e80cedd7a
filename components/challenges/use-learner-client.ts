'use client';

import { useCallback, useEffect, useState } from 'react';
import { registrationPath, registrationSecretPath, REGISTER_PATH } from '@/lib/protocol/paths';
import type { ChallengeClientKind } from '@/lib/challenges/types';
import type { RegistrationResponse } from '@/lib/protocol/registration';

/** What this browser keeps of its own challenge client (localStorage; the server keeps hashes). */
export interface LearnerClient {
  readonly clientId: string;
  /** Only for a client the page registered (`secret`); the learner's own code keeps its key. */
  readonly clientSecret?: string;
  readonly registrationAccessToken: string;
}

/**
 * Why there is no client yet (`unknown`: the client given is not one the server knows;
 * `not-own-key`: it authenticates with a secret, not with a key of the learner's own).
 */
export type ClientProblem = 'busy' | 'error' | 'unknown' | 'not-own-key' | null;

/**
 * How the client this page registers (`secret`) authenticates: its secret only with HTTP Basic;
 * the server refuses it in the body (RFC 7591 §2: the client uses the method it registered).
 */
export const SECRET_CLIENT_METHOD = 'client_secret_basic';

const storageKey = (lesson: string) => `flowlab-challenge-client:${lesson}`;

function load(lesson: string): LearnerClient | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(lesson)) ?? 'null') as LearnerClient;
    return parsed &&
      typeof parsed.clientId === 'string' &&
      (parsed.clientSecret === undefined || typeof parsed.clientSecret === 'string') &&
      typeof parsed.registrationAccessToken === 'string'
      ? parsed
      : null;
  } catch {
    return null;
  }
}

function save(lesson: string, client: LearnerClient | null): void {
  try {
    if (client) localStorage.setItem(storageKey(lesson), JSON.stringify(client));
    else localStorage.removeItem(storageKey(lesson));
  } catch {
    // storage off: the client lives as long as this page
  }
}

const bearer = (c: LearnerClient) => ({ Authorization: `Bearer ${c.registrationAccessToken}` });

/** Registers a new {@link SECRET_CLIENT_METHOD} client for this browser (`POST /register`). */
async function register(): Promise<LearnerClient | { retryAfter: number } | null> {
  const res = await fetch(REGISTER_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      token_endpoint_auth_method: SECRET_CLIENT_METHOD,
      client_name: 'FlowLab challenges',
    }),
  });
  if (res.status === 429) return { retryAfter: Number(res.headers.get('retry-after')) || 10 };
  if (!res.ok) return null;
  const r = (await res.json()) as RegistrationResponse;
  if (!r.client_secret || !r.registration_access_token) return null;
  return {
    clientId: r.client_id,
    clientSecret: r.client_secret,
    registrationAccessToken: r.registration_access_token,
  };
}

/**
 * Whether the server still knows the client and its registration token (`GET /register/<id>`),
 * and then how the client authenticates.
 */
async function known(
  client: LearnerClient,
): Promise<
  { readonly method: RegistrationResponse['token_endpoint_auth_method'] } | 'no' | 'error'
> {
  const res = await fetch(registrationPath(client.clientId), { headers: bearer(client) });
  if (!res.ok) return res.status === 401 || res.status === 404 ? 'no' : 'error';
  const r = (await res.json().catch(() => null)) as RegistrationResponse | null;
  return r ? { method: r.token_endpoint_auth_method } : 'error';
}

/**
 * This browser's own challenge client for a lesson: the stored one while the server still
 * knows it, else (`kind` `secret`) a newly registered one, or (`own-key`) none until the learner
 * gives the one their own code registered (`adopt`). `renew` asks for a new secret (the old one
 * stops working at once); `lost` drops a client the server forgot.
 */
export function useLearnerClient(lesson: string, kind: ChallengeClientKind) {
  const [client, setClient] = useState<LearnerClient | null>(null);
  const [problem, setProblem] = useState<ClientProblem>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      try {
        const stored = load(lesson);
        if (stored) {
          const alive = await known(stored);
          if (cancelled) return;
          if (typeof alive === 'object') return setClient(stored);
          if (alive === 'error') return setProblem('error');
        }
        if (kind === 'own-key') return;
        const fresh = await register();
        if (cancelled) return;
        if (fresh === null) return setProblem('error');
        if ('retryAfter' in fresh) {
          setProblem('busy');
          timer = setTimeout(() => setAttempt((n) => n + 1), fresh.retryAfter * 1000);
          return;
        }
        save(lesson, fresh);
        setClient(fresh);
        setProblem(null);
      } catch {
        if (!cancelled) setProblem('error');
      }
    })();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [lesson, kind, attempt]);

  const renew = useCallback(async (): Promise<boolean> => {
    if (!client) return false;
    const res = await fetch(registrationSecretPath(client.clientId), {
      method: 'POST',
      headers: bearer(client),
    }).catch(() => null);
    if (!res?.ok) return false;
    const { client_secret } = (await res.json()) as { client_secret?: string };
    if (!client_secret) return false;
    const next = { ...client, clientSecret: client_secret };
    save(lesson, next);
    setClient(next);
    return true;
  }, [client, lesson]);

  const lost = useCallback(() => {
    save(lesson, null);
    setClient(null);
    setAttempt((n) => n + 1);
  }, [lesson]);

  const adopt = useCallback(
    async (given: LearnerClient): Promise<void> => {
      const alive = await known(given).catch(() => 'error' as const);
      if (typeof alive !== 'object') return setProblem(alive === 'no' ? 'unknown' : 'error');
      // this lesson's tasks are about a key of the learner's own: a secret client passes none
      if (alive.method !== 'private_key_jwt') return setProblem('not-own-key');
      save(lesson, given);
      setClient(given);
      setProblem(null);
    },
    [lesson],
  );

  return { client, problem, renew, lost, adopt };
}
