import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBasicAuthorization } from '../protocol/basic';
import { parseClientsConfig } from './client-config';
import { INSTRUCTOR_CLIENT_ID, withInstructor } from './clients';
import { demoClientRegistry } from './demo-clients';
import { INSTRUCTOR_KEY_FILE_NAME, loadAuthServerDeps, loadInstructorKey } from './config';
import { PRESENTER_SCOPE } from './scopes';
import {
  body,
  formPost,
  getToken,
  makeServer,
  ORIGIN,
  tokenPost,
  type TestServer,
} from './test-support';

const KEY = 'k3y-for-the-instructor-0123456789';

/** A presenter-only resource request, with a bearer token when given. */
function presenterRequest(token?: string, method = 'GET'): Request {
  return new Request(`${ORIGIN}/api/live/feed`, {
    method,
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });
}

describe('the instructor client', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await makeServer({ clients: withInstructor(demoClientRegistry(), KEY) });
  });

  it('gets a live:present token with the client credentials grant, by default scope too', async () => {
    const res = await t.server.token(
      formPost('grant_type=client_credentials&scope=live%3Apresent', {
        Authorization: encodeBasicAuthorization(INSTRUCTOR_CLIENT_ID, KEY),
      }),
    );
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ scope: 'live:present', expires_in: 8 * 3600 });
    const fallback = await t.server.token(tokenPost(INSTRUCTOR_CLIENT_ID, KEY));
    expect(await body(fallback)).toMatchObject({ scope: 'live:present' });
  });

  it('is never grantable to a demo client', async () => {
    for (const [id, secret] of [
      ['abc', 'xyz'],
      ['myapp123', 'secret456'],
      ['lockout-demo', 'lockout-secret'],
    ] as const) {
      const res = await t.server.token(tokenPost(id, secret, '&scope=live%3Apresent'));
      expect(res.status).toBe(400);
      expect((await body(res)).error).toBe('invalid_scope');
    }
  });

  it('is locked out after 10 wrong keys, right key or not', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await t.server.token(tokenPost(INSTRUCTOR_CLIENT_ID, `wrong-${i}`))).status).toBe(
        401,
      );
    }
    const locked = await t.server.token(tokenPost(INSTRUCTOR_CLIENT_ID, KEY));
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('is not listed with the demo clients', () => {
    const reg = withInstructor(demoClientRegistry(), KEY);
    expect(reg.get(INSTRUCTOR_CLIENT_ID)?.allowedScopes).toEqual([PRESENTER_SCOPE]);
    expect(reg.list().map((c) => c.clientId)).not.toContain(INSTRUCTOR_CLIENT_ID);
  });

  it('the configuration may neither use its id nor grant live:present', () => {
    expect(() =>
      parseClientsConfig([
        { client_id: 'svc', client_secret: 's', scope: 'data:read live:present' },
      ]),
    ).toThrow(/reserved for the built-in instructor/);
    expect(() =>
      parseClientsConfig([{ client_id: 'instructor', client_secret: 's', scope: 'data:read' }]),
    ).toThrow(/reserved for the instructor/);
  });
});

describe('requireScope: the presenter-only resources', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await makeServer({ clients: withInstructor(demoClientRegistry(), KEY) });
  });

  it('without a token: 401 with a bare Bearer challenge', async () => {
    const res = (await t.server.requireScope(presenterRequest(), PRESENTER_SCOPE))!;
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="FlowLab", resource_metadata=/,
    );
    expect((await body(res)).error).toBeUndefined();
  });

  it('with a data:read token: 403 insufficient_scope naming live:present', async () => {
    const token = await getToken(t.server, 'abc', 'xyz');
    const res = (await t.server.requireScope(presenterRequest(token, 'POST'), PRESENTER_SCOPE))!;
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="FlowLab", error="insufficient_scope", .*scope="live:present"/,
    );
    expect(await body(res)).toMatchObject({ error: 'insufficient_scope', scope: 'live:present' });
  });

  it('with a bad token: 401 invalid_token', async () => {
    const res = (await t.server.requireScope(presenterRequest('not.a.token'), PRESENTER_SCOPE))!;
    expect(res.status).toBe(401);
    expect((await body(res)).error).toBe('invalid_token');
  });

  it('with the instructor’s token: null (go ahead), and no event in the feed', async () => {
    const token = await getToken(t.server, INSTRUCTOR_CLIENT_ID, KEY);
    const before = t.events.length;
    expect(await t.server.requireScope(presenterRequest(token, 'DELETE'), PRESENTER_SCOPE)).toBe(
      null,
    );
    expect(t.events.length).toBe(before);
  });

  it('the instructor’s token does not read the demo API (403 insufficient_scope)', async () => {
    const token = await getToken(t.server, INSTRUCTOR_CLIENT_ID, KEY);
    const res = await t.server.api(
      new Request(`${ORIGIN}/api/data`, { headers: { Authorization: `Bearer ${token}` } }),
    );
    expect(res.status).toBe(403);
  });
});

describe('loadInstructorKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flowlab-instructor-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes FLOWLAB_INSTRUCTOR_KEY and writes no file', async () => {
    expect(await loadInstructorKey({ FLOWLAB_INSTRUCTOR_KEY: KEY, FLOWLAB_DATA_DIR: dir })).toEqual(
      { key: KEY, source: 'env' },
    );
    await expect(stat(join(dir, INSTRUCTOR_KEY_FILE_NAME))).rejects.toThrow();
  });

  it('refuses a weak FLOWLAB_INSTRUCTOR_KEY', async () => {
    await expect(loadInstructorKey({ FLOWLAB_INSTRUCTOR_KEY: 'short' })).rejects.toThrow(
      /FLOWLAB_INSTRUCTOR_KEY must be 16-200/,
    );
  });

  it('generates a strong key once (mode 0600), and concurrent starts agree on it', async () => {
    const env = { FLOWLAB_DATA_DIR: dir };
    const all = await Promise.all([1, 2, 3, 4].map(() => loadInstructorKey(env)));
    expect(new Set(all.map((k) => k.key)).size).toBe(1);
    expect(all.filter((k) => k.source === 'generated')).toHaveLength(1);
    expect(all[0]!.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const path = join(dir, INSTRUCTOR_KEY_FILE_NAME);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readFile(path, 'utf8')).trim()).toBe(all[0]!.key);
    expect(await loadInstructorKey(env)).toEqual({ key: all[0]!.key, source: 'file', path });
  });

  it('a corrupt key file stops the server with what to do', async () => {
    await writeFile(join(dir, INSTRUCTOR_KEY_FILE_NAME), 'x\n');
    await expect(loadInstructorKey({ FLOWLAB_DATA_DIR: dir })).rejects.toThrow(/Delete it/);
  });

  it('loadAuthServerDeps registers the instructor with that key', async () => {
    const deps = await loadAuthServerDeps({ FLOWLAB_DATA_DIR: dir, FLOWLAB_INSTRUCTOR_KEY: KEY });
    expect(deps.clients.get(INSTRUCTOR_CLIENT_ID)?.credential).toEqual({
      method: 'client_secret',
      secret: KEY,
    });
    expect(deps.clients.get('abc')).toBeDefined();
  });
});
