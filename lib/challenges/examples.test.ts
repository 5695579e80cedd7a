import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { challenges } from '../lessons/client-credentials/challenges';
import { challenges as keyChallenges } from '../lessons/client-credentials-private-key-jwt/challenges';
import { sentBy } from '../oauth/http';
import { makeServer } from '../oauth/test-support';
import type { HttpRequestRecord } from '../protocol/records';
import type { RegistrationResponse } from '../protocol/registration';
import { signClientAssertion } from '../protocol/sign-client-assertion';
import { ASSERTION_PLACEHOLDER, exampleBlocks, exampleRequest, sampleBlocks } from './examples';
import { grade, EMPTY_MEMORY } from './grader';
import { observe } from './observe';
import type { ChallengeTask } from './types';

const client = { clientId: 'lockout-demo', clientSecret: 'lockout-secret' };
const origin = 'http://flowlab.test';

const toRequest = (record: HttpRequestRecord) =>
  new Request(record.url, {
    method: record.method,
    headers: record.headers.map(([n, v]) => [n, v] as [string, string]),
    body: record.body,
  });

const passedBy = (task: ChallengeTask, events: Parameters<typeof observe>[0][]) =>
  grade([{ lesson: 'l', tasks: [task] }], EMPTY_MEMORY, observe(events.at(-1)!)!, new Set()).passed;

describe('task examples', () => {
  it('renders curl lines at the given origin with the learner’s client', () => {
    const task = challenges.tasks.find((t) => t.id === 'basic-token')!;
    const [block] = exampleBlocks(task.examples!, client, origin);
    expect(block!.label).toBe('Command 1');
    expect(block!.text).toMatch(/^curl -i -X POST http:\/\/flowlab\.test\/token/);
    expect(block!.text).toContain(`Authorization: Basic ${btoa('lockout-demo:lockout-secret')}`);
  });

  it('each token-endpoint example, sent as is, passes its own task', async () => {
    const { server, events } = await makeServer();
    for (const id of ['basic-token', 'invalid-scope', 'two-methods']) {
      const task = challenges.tasks.find((t) => t.id === id)!;
      await server.token(toRequest(exampleRequest(task.examples![0]!, client, origin)!));
      expect(passedBy(task, events).map((p) => p.taskId)).toEqual([id]);
    }
  });
});

describe('task examples for a key of the learner’s own (private_key_jwt)', () => {
  const task = (id: string) => keyChallenges.tasks.find((t) => t.id === id)!;

  it('gives every task something to copy, at the page’s origin, before the page follows a client', () => {
    for (const t of keyChallenges.tasks) expect(t.examples?.length).toBeGreaterThan(0);
    const blocks = exampleBlocks(task('register-key').examples!, undefined, origin);
    expect(blocks.map((b) => b.label)).toEqual(['Command 1', 'Claims to sign', 'Command 2']);
    const [register, claims, token] = blocks.map((b) => b.text);
    expect(register).toMatch(/^curl -i -X POST http:\/\/flowlab\.test\/register/);
    expect(register).toContain('"token_endpoint_auth_method":"private_key_jwt"');
    expect(register).toContain('"jwks":{"keys":[{"kty":"EC","crv":"P-256"');
    expect(claims).toContain(
      'claims: {"iss":"CLIENT_ID","sub":"CLIENT_ID","aud":"http://flowlab.test/token",',
    );
    expect(blocks[1]!.note).toContain('issuer, http://flowlab.test.');
    expect(token).toMatch(/^curl -i -X POST http:\/\/flowlab\.test\/token/);
    expect(token).toContain(
      'client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=CLIENT_ASSERTION',
    );
  });

  it('names the followed client in the claims and the token request', () => {
    const [claims, token] = exampleBlocks(
      task('assertion-token').examples!,
      { clientId: 'learner-x' },
      origin,
    );
    expect(claims!.text).toContain('{"iss":"learner-x","sub":"learner-x",');
    expect(token!.text).toContain('client_id=learner-x');
  });

  it('registers, as shown, once the key is put in; the token request with a signed assertion passes its tasks', async () => {
    const { server, events, now } = await makeServer();
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const shown = exampleRequest({ kind: 'register-key' }, undefined, origin)!;
    const body = shown.body!.replace('YOUR_KEY_X', jwk.x!).replace('YOUR_KEY_Y', jwk.y!);
    const res = await server.register(sentBy(toRequest({ ...shown, body }), '203.0.113.9'));
    expect(res.status).toBe(201);
    const registered = (await res.json()) as RegistrationResponse;

    const me = { clientId: registered.client_id };
    const assertion = await signClientAssertion(
      { clientId: me.clientId, audience: `${origin}/token`, now: Math.floor(now() / 1000) },
      { key: privateKey, alg: 'ES256', kid: 'my-key' },
    );
    const record = exampleRequest({ kind: 'assertion-token' }, me, origin)!;
    const signed = { ...record, body: record.body!.replace(ASSERTION_PLACEHOLDER, assertion) };
    expect((await server.token(toRequest(signed))).status).toBe(200);
    for (const id of ['register-key', 'assertion-token']) {
      expect(passedBy(task(id), events).map((p) => p.taskId)).toEqual([id]);
    }
  });
});

describe('sampleBlocks: the lesson’s sample program, fetched from this server and run here', () => {
  it('lesson 1: fetches the Python program and runs it with the learner’s client over Basic', () => {
    const [fetchIt, runIt] = sampleBlocks(challenges.sample!, client, origin);
    expect(fetchIt!.text).toBe(`curl -fO ${origin}/examples/client_credentials.py`);
    expect(runIt!.text).toBe(
      `python3 client_credentials.py --basic --client-id lockout-demo --client-secret lockout-secret ${origin}`,
    );
  });

  it('before the page has a client, its values stand as placeholders; odd values are quoted', () => {
    const [, runIt] = sampleBlocks(challenges.sample!, undefined, origin);
    expect(runIt!.text).toContain('--client-id CLIENT_ID --client-secret CLIENT_SECRET');
    const [, quoted] = sampleBlocks(
      challenges.sample!,
      { clientId: 'my client', clientSecret: "it's" },
      origin,
    );
    expect(quoted!.text).toContain(`--client-id 'my client' --client-secret 'it'\\''s'`);
  });

  it('lesson 2: fetches the Node program and runs it with --replay at this server', () => {
    const blocks = sampleBlocks(keyChallenges.sample!, undefined, origin);
    expect(blocks.map((b) => b.text)).toEqual([
      `curl -fO ${origin}/examples/private_key_jwt.mjs`,
      `node private_key_jwt.mjs --replay ${origin}`,
    ]);
    expect(blocks[1]!.note).toBe(keyChallenges.sample!.note);
  });
});
