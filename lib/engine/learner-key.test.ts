import { describe, expect, it } from 'vitest';
import { coreHarness } from './core-deps.test-support';
import { learnerKeys, memoryLearnerStorage } from './learner-key';
import { buildRegistrationRequest } from '../protocol/requests';
import { sendRequest } from '../protocol/fetch';

/** The learner's key and registrations, against the real core in process. */
describe('learner key', () => {
  async function setup() {
    const core = await coreHarness();
    const storage = memoryLearnerStorage();
    return { core, storage, keys: learnerKeys(storage, crypto.subtle) };
  }

  it('makes one ES256 key pair whose private key cannot be exported, and keeps it', async () => {
    const { storage, keys } = await setup();
    const first = await keys.publicKey();
    const stored = await storage.load();
    expect(stored?.keyPair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored!.keyPair.privateKey)).rejects.toThrow();
    expect(first.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(first.jwk).not.toHaveProperty('d');
    // Another instance over the same storage (a reload) finds the same key.
    expect((await learnerKeys(storage, crypto.subtle).publicKey()).kid).toBe(first.kid);
  });

  it('registers the public key only, then reuses the registration while the server knows it', async () => {
    const { core, keys } = await setup();
    const made = await keys.ensureClient('private_key_jwt', core.deps);
    expect(made.outcome).toBe('registered');
    const body = JSON.parse(made.exchanges[0]?.request.body ?? '{}') as {
      jwks: { keys: Record<string, unknown>[] };
    };
    expect(body.jwks.keys).toHaveLength(1);
    expect(body.jwks.keys[0]).not.toHaveProperty('d');
    expect(made.registration.clientSecret).toBeUndefined();
    const again = await keys.ensureClient('private_key_jwt', core.deps);
    expect(again.outcome).toBe('reused');
    expect(again.registration.clientId).toBe(made.registration.clientId);
    expect(again.exchanges.map((e) => e.request.method)).toEqual(['GET']);
  });

  it('registers again when the registration was deleted (the server answers 401 / 404)', async () => {
    const { core, keys } = await setup();
    const made = await keys.ensureClient('client_secret_basic', core.deps);
    expect(made.registration.clientSecret).toEqual(expect.any(String));
    const gone = await sendRequest(
      buildRegistrationRequest('DELETE', made.registration, core.origin),
      core.deps,
    );
    expect(gone.response.status).toBe(204);
    const again = await keys.ensureClient('client_secret_basic', core.deps);
    expect(again.outcome).toBe('registered');
    expect(again.registration.clientId).not.toBe(made.registration.clientId);
    expect(again.exchanges.map((e) => e.request.method)).toEqual(['GET', 'POST']);
  });

  it('registers again, without asking, once the registration has expired', async () => {
    const { core, keys } = await setup();
    const made = await keys.ensureClient('private_key_jwt', core.deps);
    core.advance((made.registration.expiresAt + 1) * 1000 - core.now());
    const again = await keys.ensureClient('private_key_jwt', core.deps);
    expect(again.outcome).toBe('registered');
    expect(again.exchanges.map((e) => e.request.method)).toEqual(['POST']);
  });

  it('moves the clock of its own client only, and sets it back on the next use', async () => {
    const { core, keys } = await setup();
    const made = await keys.ensureClient('private_key_jwt', core.deps);
    const set = await keys.setClock(made.registration.clientId, 120, core.deps);
    expect(set.response.json).toEqual({ clock_offset_seconds: 120 });
    await expect(keys.setClock('abc', 120, core.deps)).rejects.toThrow(/no registration/);
    const again = await keys.ensureClient('private_key_jwt', core.deps);
    expect(again.exchanges.map((e) => e.request.method)).toEqual(['GET', 'PUT']);
    expect(again.exchanges[1]?.response.json).toEqual({ clock_offset_seconds: 0 });
    expect(again.outcome).toBe('reused-clock-reset');
    expect((await keys.ensureClient('private_key_jwt', core.deps)).outcome).toBe('reused');
  });

  it('shares one registration between parallel runs', async () => {
    const { core, keys } = await setup();
    const [a, b] = await Promise.all([
      keys.ensureClient('private_key_jwt', core.deps),
      keys.ensureClient('private_key_jwt', core.deps),
    ]);
    expect(a.registration.clientId).toBe(b.registration.clientId);
  });
});
