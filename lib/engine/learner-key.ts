import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';
import type { AssertionOptions } from '../protocol/client-assertion';
import { signClientAssertion } from '../protocol/sign-client-assertion';
import { sendAndRecord } from './record-exchange';
import { jsonField, jsonString, type RecordedExchange } from './step-record';
import {
  buildClockRequest,
  buildRegisterRequest,
  buildRegistrationRequest,
} from '../protocol/requests';
import type { RegistrationAuthMethod, RegistrationRequest } from '../protocol/registration';
import type { SendDeps } from '../protocol/fetch';

/**
 * The learner's own client: a key pair made in this browser with WebCrypto (ES256, the private
 * key not extractable: no script, not even FlowLab's, can read it out), kept with this browser's
 * registrations at the server's `/register` endpoint. Only the public key is ever sent; the
 * server stores nothing that could authenticate as this client. Storage is an interface
 * (IndexedDB in a browser, `learner-key-idb.ts`; memory in tests).
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */

/** The signing algorithm of the learner's key. @see https://www.rfc-editor.org/rfc/rfc7518#section-3.4 */
export const LEARNER_KEY_ALG = 'ES256';

/** One registration this browser holds, for one authentication method. */
export interface LearnerRegistration {
  readonly clientId: string;
  readonly registrationAccessToken: string;
  /** Only for the secret methods: answered once, at registration. */
  readonly clientSecret?: string;
  /** Epoch seconds when the server drops it unless it is used. */
  readonly expiresAt: number;
}

/** What this browser keeps: its key pair, the public key's JWK and thumbprint, its registrations. */
export interface LearnerRecord {
  readonly keyPair: CryptoKeyPair;
  readonly publicJwk: JWK;
  /** The RFC 7638 thumbprint of the public key, used as its `kid`. */
  readonly kid: string;
  readonly registrations: Readonly<Partial<Record<RegistrationAuthMethod, LearnerRegistration>>>;
}

/** Where the learner's record lives (a CryptoKey can be stored without being extractable). */
export interface LearnerStorage {
  load(): Promise<LearnerRecord | undefined>;
  save(record: LearnerRecord): Promise<void>;
}

/** A registration made sure of, and the round trips that took (to show them in the run). */
export interface EnsuredClient {
  readonly registration: LearnerRegistration;
  /** New; the stored one as it was; the stored one, its clock set back to real time first. */
  readonly outcome: 'registered' | 'reused' | 'reused-clock-reset';
  readonly exchanges: readonly RecordedExchange[];
}

/** Where the learner's requests go: the engine's send deps and the server's origin. */
export type LearnerDeps = SendDeps & { readonly baseUrl: string };

/** The learner's key and registrations, as the step runners use them. */
export interface LearnerKeys {
  /** The key pair's public side (made on first use). */
  publicKey(): Promise<{ readonly jwk: JWK; readonly kid: string }>;
  /**
   * A live registration for `method`: the stored one when the server still knows it (its clock
   * set back to real time), else a new one (none yet, expired, deleted: 404 or 401).
   */
  ensureClient(method: RegistrationAuthMethod, deps: LearnerDeps): Promise<EnsuredClient>;
  /** The stored registration with this client_id, if this browser holds it. */
  registrationOf(clientId: string): Promise<LearnerRegistration | undefined>;
  /** Moves the server's clock for this browser's client ahead by `seconds` (that client only). */
  setClock(clientId: string, seconds: number, deps: LearnerDeps): Promise<RecordedExchange>;
  /** Signs a client assertion with the private key (which never leaves WebCrypto). */
  sign(options: AssertionOptions, header?: Readonly<Record<string, unknown>>): Promise<string>;
  /** Signs with a fresh key pair that was never registered (what a stranger's key looks like). */
  signWithStrangerKey(options: AssertionOptions): Promise<string>;
}

/** Makes an ES256 key pair whose private key cannot be exported. */
async function generateKeyPair(subtle: SubtleCrypto): Promise<CryptoKeyPair> {
  return subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
}

function registrationFrom(
  json: unknown,
  previous?: LearnerRegistration,
): LearnerRegistration | undefined {
  const clientId = jsonString(json, 'client_id');
  const token = jsonString(json, 'registration_access_token') ?? previous?.registrationAccessToken;
  const secret = jsonString(json, 'client_secret') ?? previous?.clientSecret;
  const expiresAt = jsonField(json, 'flowlab_expires_at');
  if (!clientId || !token || typeof expiresAt !== 'number') return undefined;
  return {
    clientId,
    registrationAccessToken: token,
    expiresAt,
    ...(secret ? { clientSecret: secret } : {}),
  };
}

/** The learner's key and registrations over `storage`, with WebCrypto's `subtle`. */
export function learnerKeys(storage: LearnerStorage, subtle: SubtleCrypto): LearnerKeys {
  // One operation at a time, so parallel runs (the visual quiz) share one key and one client.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };

  async function record(): Promise<LearnerRecord> {
    const stored = await storage.load();
    if (stored) return stored;
    const keyPair = await generateKeyPair(subtle);
    const publicJwk = await exportJWK(keyPair.publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const made: LearnerRecord = { keyPair, publicJwk, kid, registrations: {} };
    await storage.save(made);
    return made;
  }

  async function register(
    current: LearnerRecord,
    method: RegistrationAuthMethod,
    deps: LearnerDeps,
    exchanges: RecordedExchange[],
  ): Promise<EnsuredClient> {
    const metadata: RegistrationRequest = {
      token_endpoint_auth_method: method,
      client_name: 'FlowLab learner (this browser)',
      ...(method === 'private_key_jwt'
        ? { jwks: { keys: [{ ...current.publicJwk, kid: current.kid, alg: LEARNER_KEY_ALG }] } }
        : {}),
    } as RegistrationRequest;
    const exchange = await sendAndRecord(buildRegisterRequest(metadata, deps.baseUrl), deps);
    exchanges.push(exchange);
    const registration =
      exchange.response.status === 201 ? registrationFrom(exchange.response.json) : undefined;
    if (!registration) {
      const error = jsonString(exchange.response.json, 'error') ?? `${exchange.response.status}`;
      throw new Error(`The server refused to register this browser's client (${error}).`);
    }
    await storage.save({
      ...current,
      registrations: { ...current.registrations, [method]: registration },
    });
    return { registration, outcome: 'registered', exchanges };
  }

  async function reuse(
    current: LearnerRecord,
    method: RegistrationAuthMethod,
    stored: LearnerRegistration,
    deps: LearnerDeps,
  ): Promise<EnsuredClient> {
    const exchanges: RecordedExchange[] = [];
    const read = await sendAndRecord(buildRegistrationRequest('GET', stored, deps.baseUrl), deps);
    exchanges.push(read);
    const known =
      read.response.status === 200 ? registrationFrom(read.response.json, stored) : undefined;
    // Deleted, expired or not this browser's any more (404, 401): register again.
    if (!known) return register(current, method, deps, exchanges);
    const moved = jsonField(read.response.json, 'clock_offset_seconds') !== 0;
    if (moved) exchanges.push(await sendAndRecord(buildClockRequest(known, 0, deps.baseUrl), deps));
    await storage.save({
      ...current,
      registrations: { ...current.registrations, [method]: known },
    });
    return { registration: known, outcome: moved ? 'reused-clock-reset' : 'reused', exchanges };
  }

  return {
    publicKey: () =>
      serial(async () => {
        const { publicJwk, kid } = await record();
        return { jwk: publicJwk, kid };
      }),
    ensureClient: (method, deps) =>
      serial(async () => {
        const current = await record();
        const stored = current.registrations[method];
        const alive = stored && stored.expiresAt > Math.floor(deps.now() / 1000);
        return alive ? reuse(current, method, stored, deps) : register(current, method, deps, []);
      }),
    registrationOf: (clientId) =>
      serial(async () =>
        Object.values((await record()).registrations).find((r) => r?.clientId === clientId),
      ),
    setClock: async (clientId, seconds, deps) => {
      const registration = await serial(async () =>
        Object.values((await record()).registrations).find((r) => r?.clientId === clientId),
      );
      if (!registration) throw new Error(`This browser holds no registration of "${clientId}".`);
      return sendAndRecord(buildClockRequest(registration, seconds, deps.baseUrl), deps);
    },
    sign: async (options, header) => {
      const { keyPair, kid } = await serial(record);
      return signClientAssertion(options, {
        key: keyPair.privateKey,
        alg: LEARNER_KEY_ALG,
        kid,
        ...(header ? { header } : {}),
      });
    },
    signWithStrangerKey: async (options) => {
      const { kid } = await serial(record);
      const stranger = await generateKeyPair(subtle);
      // The stranger claims the learner's kid: only the signature can tell the keys apart.
      return signClientAssertion(options, { key: stranger.privateKey, alg: LEARNER_KEY_ALG, kid });
    },
  };
}

/** Storage in memory (tests; and a browser without IndexedDB, for the page's lifetime). */
export function memoryLearnerStorage(): LearnerStorage {
  let kept: LearnerRecord | undefined;
  return {
    load: async () => kept,
    save: async (record) => {
      kept = record;
    },
  };
}
