import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactVerify, CompactSign } from 'jose';
import {
  generateSigningJwk,
  KEY_FILE_NAME,
  loadOrCreateKeyFile,
  loadSigningKey,
  SigningKeyError,
} from './key-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowlab-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function signsAndVerifies(a: Awaited<ReturnType<typeof loadSigningKey>>, b = a) {
  const jws = await new CompactSign(new TextEncoder().encode('hi'))
    .setProtectedHeader({ alg: a.alg })
    .sign(a.privateKey);
  await compactVerify(jws, b.publicKey);
}

describe('key store', () => {
  it('imports a private JWK from FLOWLAB_SIGNING_KEY and publishes only its public half', async () => {
    const jwk = await generateSigningJwk();
    const key = await loadSigningKey({ envJwk: JSON.stringify(jwk), dataDir: dir });
    expect(key).toMatchObject({ alg: 'ES256', kid: jwk.kid });
    expect(key.publicJwk).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      kid: jwk.kid,
      alg: 'ES256',
      use: 'sig',
    });
    expect(key.publicJwk.d).toBeUndefined();
    await signsAndVerifies(key);
    expect(await readdir(dir)).toEqual([]); // the env key is not written anywhere
  });

  it.each([
    ['not JSON', '{nope'],
    ['a public key only', JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' })],
    ['an unsupported alg', JSON.stringify({ kty: 'oct', k: 'abc', d: 'x', alg: 'HS256' })],
  ])('rejects FLOWLAB_SIGNING_KEY that is %s with a clear error', async (_n, value) => {
    await expect(loadSigningKey({ envJwk: value, dataDir: dir })).rejects.toThrow(
      /FLOWLAB_SIGNING_KEY/,
    );
  });

  it('generates a key file once and reuses it on the next load', async () => {
    const first = await loadSigningKey({ dataDir: dir });
    const second = await loadSigningKey({ dataDir: dir });
    expect(second.kid).toBe(first.kid);
    await signsAndVerifies(first, second);
    expect(await readdir(dir)).toEqual([KEY_FILE_NAME]);
    const stored = JSON.parse(await readFile(join(dir, KEY_FILE_NAME), 'utf8'));
    expect(stored).toMatchObject({ kty: 'EC', alg: 'ES256', kid: first.kid });
  });

  it('is safe when several loads race to create the file', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(dir)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await readdir(dir)).toEqual([KEY_FILE_NAME]); // no temporary files left
  });

  it('fails with a clear error on a corrupt key file', async () => {
    await writeFile(join(dir, KEY_FILE_NAME), '{"kty":"EC", truncated');
    const err = await loadSigningKey({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SigningKeyError);
    expect((err as Error).message).toMatch(/not valid JSON.*Delete .*signing-key\.json/);
  });

  it('says what to do when the data folder cannot be written', async () => {
    const blocked = join(dir, 'file-not-folder');
    await writeFile(blocked, 'x'); // a file where the folder should be: mkdir and writes fail
    const err = await loadSigningKey({ dataDir: blocked }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SigningKeyError);
    expect((err as Error).message).toMatch(
      /cannot hold the signing key \(ENOTDIR\).*FLOWLAB_DATA_DIR/,
    );
  });

  it('fails with a clear error on a key file that is not a private key', async () => {
    await writeFile(join(dir, KEY_FILE_NAME), JSON.stringify({ kty: 'EC', crv: 'P-256' }));
    await expect(loadSigningKey({ dataDir: dir })).rejects.toThrow(/PRIVATE JWK/);
  });
});
