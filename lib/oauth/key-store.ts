/**
 * The access-token signing key: imported once into CryptoKeys, from a private JWK given in the
 * environment, or generated once and kept in a data folder so every route, every process on the
 * machine and every restart signs and verifies with the same key.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** Signing algorithms FlowLab accepts for its key (asymmetric only; ES256 is the default). */
export const SIGNING_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'] as const;
/** A signing algorithm FlowLab accepts for its key. */
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** The default algorithm for generated keys. */
export const DEFAULT_SIGNING_ALGORITHM: SigningAlgorithm = 'ES256';

/**
 * The authorization server's signing key pair, with its public JWK.
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-4
 */
export interface SigningKey {
  readonly alg: SigningAlgorithm;
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public half as published in the JWKS (`kid`, `alg`, `use: "sig"`). */
  readonly publicJwk: JWK;
}

/** A signing key that could not be loaded, with what to do about it. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

function inferAlg(jwk: JWK): SigningAlgorithm | undefined {
  if (jwk.alg)
    return (SIGNING_ALGORITHMS as readonly string[]).includes(jwk.alg)
      ? (jwk.alg as SigningAlgorithm)
      : undefined;
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') return 'ES384';
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  return undefined;
}

/**
 * Imports a private JWK (from `FLOWLAB_SIGNING_KEY` or the key file) into a {@link SigningKey}.
 * `source` names where it came from in error messages.
 * @see https://www.rfc-editor.org/rfc/rfc7517#section-4
 * @see https://www.rfc-editor.org/rfc/rfc7638
 */
export async function importSigningKey(input: unknown, source: string): Promise<SigningKey> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SigningKeyError(`${source} is not a JSON object (expected a private JWK).`);
  }
  const jwk = input as JWK;
  if (typeof jwk.d !== 'string') {
    throw new SigningKeyError(`${source} is not a PRIVATE JWK (it has no "d" member).`);
  }
  const alg = inferAlg(jwk);
  if (!alg) {
    throw new SigningKeyError(
      `${source} has an unsupported key type or "alg" (supported: ${SIGNING_ALGORITHMS.join(', ')}).`,
    );
  }
  const publicJwk: JWK = { ...jwk };
  for (const m of PRIVATE_MEMBERS) delete publicJwk[m];
  delete publicJwk.key_ops;
  delete publicJwk.ext;
  try {
    const privateKey = await importJWK({ ...jwk, ext: false }, alg);
    const publicKey = await importJWK(publicJwk, alg);
    if (!(privateKey instanceof CryptoKey) || !(publicKey instanceof CryptoKey)) {
      throw new Error('not an asymmetric key');
    }
    const kid = jwk.kid ?? (await calculateJwkThumbprint(publicJwk));
    return { alg, kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, alg, use: 'sig' } };
  } catch (e) {
    throw new SigningKeyError(
      `${source} could not be imported as a ${alg} key: ${(e as Error).message}`,
    );
  }
}

/** Generates a new private JWK (with `kid` and `alg`) for `alg`. */
export async function generateSigningJwk(
  alg: SigningAlgorithm = DEFAULT_SIGNING_ALGORITHM,
): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const { d: _d, ...pub } = jwk;
  return { ...jwk, alg, kid: await calculateJwkThumbprint(pub) };
}

/** File name of the generated key inside the data folder. */
export const KEY_FILE_NAME = 'signing-key.json';

/**
 * Reads the key file in `dataDir`, creating it first when missing. Creation is atomic and safe
 * when several routes or processes start at once: each writes a private temporary file and
 * hard-links it into place; link fails when a key already exists, and then that key is used.
 */
export async function loadOrCreateKeyFile(dataDir: string): Promise<SigningKey> {
  const path = join(dataDir, KEY_FILE_NAME);
  // the folder itself failing (not writable, not a folder): say which setting to change
  const unusable = (e: unknown): never => {
    if (e instanceof SigningKeyError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new SigningKeyError(
      `The data folder ${dataDir} cannot hold the signing key (${code}). Set FLOWLAB_DATA_DIR to a folder this process can write, or FLOWLAB_SIGNING_KEY to a private JWK.`,
    );
  };
  const existing = await readKeyFile(path).catch(unusable);
  if (existing) return existing;
  const jwk = await generateSigningJwk();
  await createFileOnce(dataDir, KEY_FILE_NAME, `${JSON.stringify(jwk)}\n`).catch(unusable);
  const key = await readKeyFile(path);
  if (!key)
    throw new SigningKeyError(`The signing key file ${path} vanished while it was created.`);
  return key;
}

/**
 * Creates `dataDir/name` (mode 0600, folder 0700) with `contents` unless it exists, atomically:
 * a private temporary file hard-linked into place, so when several processes race, the first
 * link wins and every process then reads the same file. Returns whether this call created it.
 */
export async function createFileOnce(
  dataDir: string,
  name: string,
  contents: string,
): Promise<boolean> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const tmp = join(dataDir, `.${name}.${process.pid}.${randomUUID()}.tmp`);
  await writeFile(tmp, contents, { mode: 0o600 });
  try {
    await link(tmp, join(dataDir, name));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function readKeyFile(path: string): Promise<SigningKey | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const hint = `Delete ${path} to generate a new key, or set FLOWLAB_SIGNING_KEY to a private JWK.`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SigningKeyError(`The signing key file ${path} is not valid JSON. ${hint}`);
  }
  try {
    return await importSigningKey(json, `The signing key file ${path}`);
  } catch (e) {
    throw new SigningKeyError(`${(e as Error).message} ${hint}`);
  }
}

/**
 * The signing key FlowLab uses: `FLOWLAB_SIGNING_KEY` (a private JWK as JSON) when set, else the
 * key file in the data folder (generated on first use).
 */
export async function loadSigningKey(options: {
  envJwk?: string;
  dataDir: string;
}): Promise<SigningKey> {
  if (options.envJwk !== undefined && options.envJwk.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(options.envJwk);
    } catch {
      throw new SigningKeyError('FLOWLAB_SIGNING_KEY is not valid JSON (expected a private JWK).');
    }
    return importSigningKey(json, 'FLOWLAB_SIGNING_KEY');
  }
  return loadOrCreateKeyFile(options.dataDir);
}
