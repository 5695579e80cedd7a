import { beforeEach, describe, expect, it } from 'vitest';
import { challenges } from '../lessons/client-credentials/challenges';
import { encodeBasicAuthorization } from '../protocol/basic';
import {
  apiGet,
  formPost,
  getToken,
  makeServer,
  tokenPost,
  type TestServer,
} from '../oauth/test-support';
import { EMPTY_MEMORY, grade, MAX_TOKENS_PER_TASK, passKey } from './grader';
import { observe } from './observe';
import type { GraderMemory, LessonChallenges, TaskPass } from './types';

// Every rule of the lesson's tasks, graded from the events of the real auth server core (a
// frozen clock), exactly as the server wiring does: observe, then grade.

const LESSON = 'client-credentials';
const sets: LessonChallenges[] = [{ lesson: LESSON, tasks: challenges.tasks }];
const ME = 'lockout-demo';
const SECRET = 'lockout-secret';
const basic = (id = ME, secret = SECRET) => ({
  Authorization: encodeBasicAuthorization(id, secret),
});

let t: TestServer;
let memory: GraderMemory;
let passes: TaskPass[];
let seen: number;

/** Grades every event the server reported since the last call, for the client `who`. */
function gradeNew(who = ME): string[] {
  const now: string[] = [];
  for (const event of t.events.slice(seen)) {
    const o = observe(event);
    if (!o || o.subject !== who) continue;
    const done = new Set(passes.map((p) => passKey(p.lesson, p.taskId)));
    const result = grade(sets, memory, o, done);
    memory = result.memory;
    passes.push(...result.passed);
    now.push(...result.passed.map((p) => p.taskId));
  }
  seen = t.events.length;
  return now;
}

const basicToken = () =>
  t.server
    .token(formPost('grant_type=client_credentials', basic()))
    .then((r) => r.json()) as Promise<{
    access_token: string;
  }>;

beforeEach(async () => {
  t = await makeServer();
  memory = EMPTY_MEMORY;
  passes = [];
  seen = 0;
});

describe('request rules', () => {
  it('a Basic token request passes basic-token, a body one does not', async () => {
    await getToken(t.server, ME, SECRET);
    expect(gradeNew()).toEqual([]);
    await basicToken();
    expect(gradeNew()).toEqual(['basic-token']);
    await basicToken();
    expect(gradeNew()).toEqual([]); // passed once
    expect(passes[0]!.request).toMatchObject({
      endpoint: 'token',
      status: 200,
      authMethod: 'client_secret_basic',
      credential: 'lo•••',
    });
    expect(JSON.stringify(passes)).not.toContain(SECRET);
  });

  it('a wrong secret passes nothing, whatever the response', async () => {
    await t.server.token(
      formPost('grant_type=client_credentials&scope=reports:read', basic(ME, 'nope')),
    );
    await t.server.token(
      formPost(`grant_type=client_credentials&client_id=${ME}&client_secret=x`, basic(ME, 'nope')),
    );
    expect(gradeNew()).toEqual([]);
  });

  it('the API with a valid token passes call-api, for the client the token was issued to', async () => {
    const token = await getToken(t.server, ME, SECRET);
    await t.server.api(apiGet(token));
    expect(gradeNew('abc')).toEqual([]);
    seen = 0;
    expect(gradeNew()).toEqual(['call-api']);
  });

  it('a forged token (bad signature) counts for nobody', async () => {
    const token = await getToken(t.server, ME, SECRET);
    seen = t.events.length;
    const [h, p] = token.split('.');
    await t.server.api(apiGet(`${h}.${p}.AAAA`));
    expect(t.events.at(-1)!.tokenClientId).toBeUndefined();
    expect(observe(t.events.at(-1)!)).toBeNull();
  });

  it('invalid_scope after authenticating passes invalid-scope', async () => {
    await t.server.token(formPost('grant_type=client_credentials&scope=reports:read', basic()));
    expect(gradeNew()).toEqual(['invalid-scope']);
  });

  it('Basic plus body credentials pass two-methods only when the Basic ones are right', async () => {
    const both = `grant_type=client_credentials&client_id=${ME}&client_secret=${SECRET}`;
    await t.server.token(formPost(both, basic(ME, 'wrong')));
    expect(gradeNew()).toEqual([]);
    // one method and a body client_id that is not the Basic one: refused, but not two methods
    const mismatch = await t.server.token(
      formPost('grant_type=client_credentials&client_id=abc', basic()),
    );
    expect(mismatch.status).toBe(400);
    expect(gradeNew()).toEqual([]);
    const res = await t.server.token(formPost(both, basic()));
    expect(res.status).toBe(400);
    expect(gradeNew()).toEqual(['two-methods']);
  });

  it('introspecting its own active token passes introspect-own; another client’s does not', async () => {
    const other = await getToken(t.server, 'abc', 'xyz');
    await t.server.introspect(formPost(`token=${other}`, basic(), '/introspect'));
    expect(gradeNew()).toEqual([]);
    const mine = await getToken(t.server, ME, SECRET);
    await t.server.introspect(formPost(`token=${mine}`, basic(), '/introspect'));
    expect(gradeNew()).toEqual(['introspect-own']);
  });
});

describe('sequence: revoke, then the API refuses the same token', () => {
  it('passes on the API 401 for the revoked token', async () => {
    const token = await getToken(t.server, ME, SECRET);
    await t.server.revoke(formPost(`token=${token}`, basic(), '/revoke'));
    expect(gradeNew()).toEqual([]);
    const res = await t.server.api(apiGet(token));
    expect(res.status).toBe(401);
    expect(gradeNew()).toEqual(['revoke-then-api']);
  });

  it('does not pass for another token than the one revoked', async () => {
    const a = await getToken(t.server, ME, SECRET);
    await t.server.revoke(formPost(`token=${a}`, basic(), '/revoke'));
    const b = await getToken(t.server, ME, SECRET);
    await t.server.api(apiGet(b));
    expect(gradeNew()).not.toContain('revoke-then-api');
  });

  it('remembers at most a bounded number of tokens per task', async () => {
    for (let i = 0; i < MAX_TOKENS_PER_TASK + 5; i++) {
      const token = await getToken(t.server, ME, SECRET);
      await t.server.revoke(formPost(`token=${token}`, basic(), '/revoke'));
    }
    gradeNew();
    expect(Object.keys(memory.tokens[passKey(LESSON, 'revoke-then-api')]!)).toHaveLength(
      MAX_TOKENS_PER_TASK,
    );
  });
});

describe('token reuse', () => {
  it('three API calls with one token pass reuse-token; three tokens one call each do not', async () => {
    for (let i = 0; i < 3; i++) await t.server.api(apiGet(await getToken(t.server, ME, SECRET)));
    expect(gradeNew()).not.toContain('reuse-token');
    const token = await getToken(t.server, ME, SECRET);
    await t.server.api(apiGet(token));
    await t.server.api(apiGet(token));
    expect(gradeNew()).not.toContain('reuse-token');
    await t.server.api(apiGet(token));
    expect(gradeNew()).toEqual(['reuse-token']);
    expect(memory.tokens[passKey(LESSON, 'reuse-token')]).toBeUndefined();
  });
});

describe('wait for Retry-After after a 429', () => {
  async function lockOut(): Promise<number> {
    for (let i = 0; i < 10; i++) await t.server.token(tokenPost(ME, 'wrong'));
    const res = await t.server.token(tokenPost(ME, SECRET));
    expect(res.status).toBe(429);
    return Number(res.headers.get('retry-after'));
  }

  it('passes when the next attempt comes Retry-After seconds later and succeeds', async () => {
    const wait = await lockOut();
    expect(wait).toBeGreaterThan(0);
    gradeNew();
    expect(memory.refusal).toEqual({ at: t.now(), retryAfter: wait });
    t.advance(wait * 1000);
    expect((await t.server.token(tokenPost(ME, SECRET))).status).toBe(200);
    expect(gradeNew()).toEqual(['wait-retry-after']);
    expect(memory.refusal).toBeUndefined();
  });

  it('an attempt too early is refused again and restarts the wait; the API does not count', async () => {
    const wait = await lockOut();
    t.advance(1000);
    await t.server.api(apiGet('garbage'));
    expect((await t.server.token(tokenPost(ME, SECRET))).status).toBe(429);
    expect(gradeNew()).toEqual([]);
    t.advance(wait * 1000);
    await t.server.token(tokenPost(ME, SECRET));
    expect(gradeNew()).toEqual(['wait-retry-after']);
  });

  it('only the client’s own proven attempt is measured: a wrong secret keeps the wait', async () => {
    const wait = await lockOut();
    gradeNew();
    t.advance(wait * 1000);
    // A wrong secret (a typo, or a classmate naming the client) does not prove to be the client,
    // so it is not its attempt after the wait.
    expect((await t.server.token(tokenPost(ME, 'wrong'))).status).toBe(401);
    expect(
      (await t.server.token(formPost('grant_type=client_credentials', basic(ME, 'x')))).status,
    ).toBe(401);
    expect(gradeNew()).toEqual([]);
    expect(memory.refusal).toBeDefined();
    await t.server.token(tokenPost(ME, SECRET));
    expect(gradeNew()).toEqual(['wait-retry-after']);
  });

  it('a proven attempt before the wait is up forgets the refusal without passing', async () => {
    // As from another address, where the lockout does not apply: a refusal asking for longer.
    const wait = await lockOut();
    gradeNew();
    memory = { ...memory, refusal: { at: t.now(), retryAfter: wait + 60 } };
    t.advance(wait * 1000);
    expect((await t.server.token(tokenPost(ME, SECRET))).status).toBe(200);
    expect(gradeNew()).toEqual([]);
    expect(memory.refusal).toBeUndefined();
  });
});
