#!/usr/bin/env node
/*
 * Lesson 2's sample program: get an access token with the client credentials flow, the client
 * authenticating with a JWT it signed itself (private_key_jwt, RFC 7523) instead of a secret.
 *
 * It makes an EC P-256 key pair, registers the public key with the FlowLab server
 * (POST /register, RFC 7591), signs a client assertion with the private key (ES256), exchanges
 * it at /token for an access token, and calls the protected API with the token. With --replay it
 * then sends the very same assertion again, which the server refuses: its jti was used.
 *
 *     node examples/private_key_jwt.mjs                         # http://localhost:3000
 *     node examples/private_key_jwt.mjs http://127.0.0.1:3101
 *     FLOWLAB_URL=http://127.0.0.1:3101 node examples/private_key_jwt.mjs
 *
 * The private key lives only in this process unless you keep it. To keep one key (and one
 * client) across runs, save it once, then give it back with the client_id the first run printed:
 *
 *     node examples/private_key_jwt.mjs --save-key ~/flowlab-key.json URL
 *     node examples/private_key_jwt.mjs --key ~/flowlab-key.json --client-id ID --replay URL
 *
 * Paste the client_id and registration_access_token it prints into the lesson's Challenges page
 * (/learn/client-credentials-private-key-jwt/challenges, "Follow this client"): the page checks
 * its tasks off as this program's requests reach the server.
 *
 * Needs Node.js 20 or later and nothing else: node:crypto signs, fetch sends. It is one file on
 * purpose, so you can copy it anywhere; `node examples/private_key_jwt.mjs --help` lists options.
 */

import {
  createPrivateKey,
  createPublicKey,
  createHash,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const LESSON_CHALLENGES = '/learn/client-credentials-private-key-jwt/challenges';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const TIMEOUT_MS = 10_000;
/** This program as it was started (examples/private_key_jwt.mjs, or a copy fetched elsewhere). */
const SELF = process.argv[1] ? relative(process.cwd(), process.argv[1]) : 'private_key_jwt.mjs';

const USAGE = `Usage: node ${SELF} [options] [URL]

Gets an access token from a FlowLab server with private_key_jwt (RFC 7523): registers a public
key, signs a client assertion with the private key (ES256), exchanges it at /token and calls
the protected API /api/data with the token.

  URL                  the FlowLab server (default: $FLOWLAB_URL or http://localhost:3000)
  --key FILE           sign with the private EC P-256 JWK in FILE instead of a new key
  --save-key FILE      save the new key pair's private JWK to FILE (mode 0600; FILE must not
                       exist), to use again with --key
  --client-id ID       the client this key is registered as (needs --key): skips registering
  --replay             send the same assertion a second time and show the server refuse it
  -h, --help           show this text

Exit status: 0 when every step did what it should (with --replay: the replay was refused),
1 when the server refused a step or could not be reached, 2 for bad arguments or a bad key file.`;

/** A problem with what the user gave us: said plainly, exit status 2. */
class UsageError extends Error {}
/** A step that did not work (the server refused, or could not be reached): exit status 1. */
class StepError extends Error {}

// ---------------------------------------------------------------------------------------------
// The arguments
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = { replay: false };
  const takesValue = { '--key': 'key', '--save-key': 'saveKey', '--client-id': 'clientId' };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // --name value, or --name=value
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (name === '-h' || name === '--help') return { help: true };
    if (name === '--replay') {
      if (inline !== undefined) throw new UsageError('--replay takes no value');
      options.replay = true;
    } else if (name in takesValue) {
      const value = inline ?? argv[++i];
      if (!value || (inline === undefined && value.startsWith('-'))) {
        throw new UsageError(
          `${name} needs a value (${name} ${name === '--client-id' ? 'ID' : 'FILE'})`,
        );
      }
      options[takesValue[name]] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${name}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length > 1) {
    throw new UsageError(`give one URL, not ${positional.length} (${positional.join(' ')})`);
  }
  if (options.key && options.saveKey) {
    throw new UsageError('--key uses a key you kept, --save-key keeps a new one: give one of them');
  }
  if (options.clientId && !options.key) {
    throw new UsageError(
      '--client-id needs --key FILE: a registered client accepts only assertions signed with its own key',
    );
  }
  const raw = positional[0] ?? process.env.FLOWLAB_URL ?? 'http://localhost:3000';
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${raw} is not a URL (e.g. http://localhost:3000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${raw} is not an http:// or https:// URL`);
  }
  options.base = url.href.replace(/\/+$/, '');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Helpers: base64url, printing, HTTP
// ---------------------------------------------------------------------------------------------

/** base64url without padding (RFC 7515 §2), the encoding of every part of a JWT. */
const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

const json = (value) => JSON.stringify(value, null, 2);

function step(title) {
  console.log(`\n== ${title}`);
}

/** fetch, with a time limit and an error that says the server could not be reached. */
async function send(url, init = {}) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new StepError(
      `Cannot reach the FlowLab server at ${url} (${why}). Is it running (npm run dev, npm start)? Give its URL as the argument or in FLOWLAB_URL.`,
    );
  }
}

/** The response's JSON body; null when it has none; `{ notJson }` naming its type otherwise. */
async function bodyOf(response) {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return { notJson: response.headers.get('content-type') ?? 'no Content-Type' };
  }
}

/** The OAuth error of a refusal (RFC 6749 §5.2), in one line. */
function oauthError(status, body) {
  if (typeof body?.error === 'string') {
    return `${status} ${body.error}: ${body.error_description ?? '(no error_description)'}`;
  }
  const what = body?.notJson
    ? `an answer in ${body.notJson}`
    : `the answer ${JSON.stringify(body)}`;
  return `${status}, ${what}: not an OAuth error. Is this the URL of a FlowLab server?`;
}

// ---------------------------------------------------------------------------------------------
// The key pair (step 1)
// ---------------------------------------------------------------------------------------------

/**
 * The JWK thumbprint (RFC 7638) of an EC public key: the SHA-256 of its required members in
 * alphabetical order. A stable name for the key, used as its kid.
 */
function thumbprint({ crv, kty, x, y }) {
  return createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
}

/** A new EC P-256 key pair: the private JWK (with d) to keep, and the key to sign with. */
function newKey() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }); // { kty, crv, x, y, d }
  return { privateKey, jwk: { ...jwk, kid: thumbprint(jwk) } };
}

/** The private JWK kept in `file`, checked: EC P-256, with d, and d matching x and y. */
function loadKey(file) {
  let jwk;
  try {
    jwk = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why =
      e.code === 'ENOENT' ? 'no such file' : e.code ? e.message : `not JSON (${e.message})`;
    throw new UsageError(`--key ${file}: ${why}`);
  }
  const bad = (why) =>
    new UsageError(
      `--key ${file}: ${why}. It must hold a private EC P-256 JWK, as --save-key writes.`,
    );
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw bad('not a JWK object');
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') {
    const what = [jwk.kty, jwk.crv].filter((m) => typeof m === 'string').join(' ') || 'no kty';
    throw bad(`it is not an EC P-256 key (${what}), and ES256 signs with one`);
  }
  if (typeof jwk.d !== 'string')
    throw bad('it has no "d": that is a public key, which cannot sign');
  if (jwk.kid !== undefined && typeof jwk.kid !== 'string') throw bad('its kid is not a string');
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  } catch (e) {
    throw bad(`it does not load (${e.message})`);
  }
  // node:crypto takes x, y and d as given: sign and verify once to see that they are one key
  const probe = Buffer.from('probe');
  const publicKey = createPublicKey({ key: publicJwk(jwk), format: 'jwk' });
  if (!verify('sha256', probe, publicKey, sign('sha256', probe, privateKey))) {
    throw bad('its d is not the private key of its x and y');
  }
  return { privateKey, jwk };
}

/** The public half of a JWK: only kty, crv, x, y (and kid). Never d, which would give it away. */
function publicJwk({ kty, crv, x, y, kid }) {
  return kid === undefined ? { kty, crv, x, y } : { kty, crv, x, y, kid };
}

// ---------------------------------------------------------------------------------------------
// The client assertion (step 3)
// ---------------------------------------------------------------------------------------------

/**
 * A client assertion (RFC 7523 §3): a JWT about the client, signed by the client with ES256.
 * Answers the JWT and its decoded header and claims.
 */
function signAssertion({ privateKey, kid, clientId, audience }) {
  const now = Math.floor(Date.now() / 1000);
  // kid names which registered key verifies it (RFC 7515 §4.1.4)
  const header = { alg: 'ES256', typ: 'JWT', ...(kid === undefined ? {} : { kid }) };
  const claims = {
    iss: clientId, // the client issues its own assertion...
    sub: clientId, // ...about itself
    aud: audience, // for this authorization server only: its token endpoint URL
    jti: randomUUID(), // a one-time id: the server refuses it the second time
    iat: now,
    exp: now + 60, // good for one minute
  };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  // ES256 = ECDSA P-256 with SHA-256. A JWS carries the signature as r and s, 32 bytes each
  // (RFC 7518 §3.4), not the DER that node:crypto answers by default: hence ieee-p1363.
  const signature = sign('sha256', Buffer.from(signingInput), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return { assertion: `${signingInput}.${base64url(signature)}`, header, claims };
}

// ---------------------------------------------------------------------------------------------
// The program: steps 1 to 7
// ---------------------------------------------------------------------------------------------

async function main(options) {
  const base = options.base;

  step('1. Key pair');
  let key;
  if (options.key) {
    key = loadKey(options.key);
    console.log(`Loaded the private key from ${options.key}.`);
  } else {
    key = newKey();
    console.log('Made a new EC P-256 key pair (node:crypto generateKeyPairSync).');
    if (options.saveKey) {
      try {
        // wx: never overwrite a file, which may be a key kept for another client
        writeFileSync(options.saveKey, `${json(key.jwk)}\n`, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        throw new UsageError(
          e.code === 'EEXIST'
            ? `--save-key ${options.saveKey}: the file exists (a key you kept?). Use it with --key, or name a new file.`
            : `--save-key ${options.saveKey}: ${e.message}`,
        );
      }
      console.log(`Saved the private key to ${options.saveKey} (only you may read it).`);
    }
  }
  const pub = publicJwk(key.jwk);
  console.log(`Public key (the only part the server will see): ${JSON.stringify(pub)}`);

  step('2. The server’s endpoints');
  // The server's metadata (RFC 8414) names its endpoints; without it, FlowLab's own paths.
  let tokenEndpoint = `${base}/token`;
  let registrationEndpoint = `${base}/register`;
  let from = 'assumed: the server has no metadata';
  const discovered = await send(`${base}/.well-known/oauth-authorization-server`);
  const metadata = discovered.ok ? await bodyOf(discovered) : null;
  if (typeof metadata?.token_endpoint === 'string') {
    tokenEndpoint = metadata.token_endpoint;
    from = 'from the server metadata, /.well-known/oauth-authorization-server';
  }
  if (typeof metadata?.registration_endpoint === 'string') {
    registrationEndpoint = metadata.registration_endpoint;
  }
  console.log(`Token endpoint: ${tokenEndpoint} (${from})`);

  step('3. Registration');
  let clientId = options.clientId;
  if (clientId) {
    console.log(`Using client ${clientId}, registered earlier with this key (--client-id).`);
  } else {
    // RFC 7591 §2: the client's metadata. jwks carries the public key by value; no secret exists.
    const registration = {
      client_name: 'private_key_jwt.mjs',
      token_endpoint_auth_method: 'private_key_jwt',
      grant_types: ['client_credentials'],
      jwks: { keys: [pub] },
    };
    console.log(`POST ${registrationEndpoint}\n${JSON.stringify(registration)}`);
    const res = await send(registrationEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(registration),
    });
    const body = await bodyOf(res);
    if (res.status !== 201 || typeof body?.client_id !== 'string') {
      throw new StepError(`Registration refused: ${oauthError(res.status, body)}`);
    }
    clientId = body.client_id;
    console.log(`${res.status}: registered.`);
    console.log(`client_id:                 ${body.client_id}`);
    console.log(`registration_access_token: ${body.registration_access_token}`);
    console.log(
      `Paste both into the lesson's Challenges page, ${base}${LESSON_CHALLENGES} ("Follow this client"): the page then checks its tasks off.`,
    );
    const keyFile = options.key ?? options.saveKey;
    console.log(
      keyFile
        ? `Next time, use this client again: node ${SELF} --key ${keyFile} --client-id ${clientId} ${base}`
        : 'The private key lives only in this run: with --save-key FILE you could keep it, and this client.',
    );
  }

  step('4. Client assertion');
  const { assertion, header, claims } = signAssertion({
    privateKey: key.privateKey,
    kid: key.jwk.kid,
    clientId,
    audience: tokenEndpoint,
  });
  console.log(`header: ${JSON.stringify(header)}`);
  console.log(`claims: ${JSON.stringify(claims)}`);
  console.log(`client_assertion (header.claims.signature, each base64url): ${assertion}`);

  step('5. Token request');
  // RFC 7523 §2.2: the assertion replaces the secret. (client_id may be sent too; it is optional,
  // since the assertion's sub names the client, and FlowLab refuses one that differs.)
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: assertion,
  });
  const tokenRequest = () =>
    send(tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  console.log(
    `POST ${tokenEndpoint}\ngrant_type=client_credentials&client_assertion_type=${CLIENT_ASSERTION_TYPE}&client_assertion=<the JWT above>`,
  );
  const tokenRes = await tokenRequest();
  const token = await bodyOf(tokenRes);
  console.log(`Token response: ${tokenRes.status}\n${json(token)}`);
  if (tokenRes.status !== 200 || typeof token?.access_token !== 'string') {
    const hint =
      options.clientId && token?.error === 'invalid_client'
        ? ' Is --client-id the client registered with this key? A registration lapses after a day unused.'
        : '';
    throw new StepError(`Token request refused: ${oauthError(tokenRes.status, token)}${hint}`);
  }

  step('6. API call');
  const api = `${base}/api/data`;
  console.log(`GET ${api}\nAuthorization: Bearer <the access_token>`);
  const apiRes = await send(api, { headers: { Authorization: `Bearer ${token.access_token}` } });
  const answer = await bodyOf(apiRes);
  console.log(`API response: ${apiRes.status}\n${json(answer)}`);
  if (apiRes.status !== 200)
    throw new StepError(`API call refused: ${oauthError(apiRes.status, answer)}`);

  if (!options.replay) return;
  step('7. Replay: the same assertion again');
  const replayRes = await tokenRequest();
  const replay = await bodyOf(replayRes);
  console.log(`Token response: ${replayRes.status}\n${json(replay)}`);
  if (replayRes.status === 200) {
    throw new StepError(
      'The server accepted the same assertion twice: a replay should be refused.',
    );
  }
  if (replayRes.status !== 401 || replay?.error !== 'invalid_client') {
    throw new StepError(
      `Expected 401 invalid_client for the replay, got ${oauthError(replayRes.status, replay)}`,
    );
  }
  console.log(
    `Refused, as it should be: ${replay.error_description ?? replay.error}\nWhoever captures a used assertion gets nothing from it: its jti (${claims.jti}) is spent.`,
  );
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`private_key_jwt.mjs: ${e.message}\n${USAGE.split('\n')[0]} (--help: all options)`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
try {
  await main(options);
} catch (e) {
  if (!(e instanceof UsageError || e instanceof StepError)) throw e;
  console.error(`\nprivate_key_jwt.mjs: ${e.message}`);
  process.exit(e instanceof UsageError ? 2 : 1);
}
