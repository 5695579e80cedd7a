import { describe, expect, it } from 'vitest';
import { encodeBasicAuthorization } from '../protocol/basic';
import { CHECKS_HEADER, parseChecksHeader } from '../protocol/checks';
import { descriptionSafe } from './errors';
import { apiGet, formPost, getToken, makeServer, ORIGIN, tokenPost } from './test-support';

/** RFC 6749 §5.2 and RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E only. */
const DESCRIPTION = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** Raw input that must never come back: quotes, a backslash, a control character, U+2019. */
const HOSTILE = 'x"y\\z\u0001’';

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const unsigned = (header: object) =>
  `${b64url(header)}.${b64url({ client_id: 'abc', scope: 'data:read' })}.`;

const GRANT = 'grant_type=client_credentials';
const enc = encodeURIComponent;

describe('descriptionSafe', () => {
  it('keeps the allowed characters and replaces every other one', () => {
    expect(descriptionSafe(`a-Z 0!#[]~`)).toBe('a-Z 0!#[]~');
    expect(descriptionSafe(HOSTILE)).toBe("x'y/z?'");
  });
});

describe('every error path answers an RFC-safe error_description and a checks header', async () => {
  const t = await makeServer();
  const token = await getToken(t.server, 'abc', 'xyz');
  const reportToken = await getToken(t.server, 'reporting-bot', 'reports-secret');
  const basicAbc = { Authorization: encodeBasicAuthorization('abc', 'xyz') };
  const cases: [string, () => Promise<Response>][] = [
    ['token: wrong method', () => t.server.token(new Request(`${ORIGIN}/token`))],
    [
      'token: JSON body',
      () =>
        t.server.token(
          new Request(`${ORIGIN}/token`, {
            method: 'POST',
            headers: { 'Content-Type': `application/json; x="a\\"b"` },
            body: '{}',
          }),
        ),
    ],
    [
      'token: repeated parameter with a hostile value',
      () => t.server.token(tokenPost('abc', 'xyz', `&scope=${enc(HOSTILE)}&scope=2`)),
    ],
    ['token: repeated grant_type', () => t.server.token(tokenPost('abc', 'xyz', `&${GRANT}`))],
    ['token: bad escape', () => t.server.token(formPost(`${GRANT}&a=%zz`))],
    [
      'token: missing grant_type',
      () => t.server.token(formPost('client_id=abc&client_secret=xyz')),
    ],
    [
      'token: hostile grant_type',
      () => t.server.token(formPost(`grant_type=${enc(HOSTILE)}&client_id=abc&client_secret=xyz`)),
    ],
    ['token: unknown client', () => t.server.token(tokenPost(HOSTILE, 'xyz'))],
    ['token: wrong secret', () => t.server.token(tokenPost('abc', HOSTILE))],
    [
      'token: no colon in Basic',
      () => t.server.token(formPost(GRANT, { Authorization: `Basic ${btoa('abcxyz')}` })),
    ],
    [
      'token: other scheme',
      () => t.server.token(formPost(GRANT, { Authorization: `Digest ${HOSTILE.slice(0, 3)}` })),
    ],
    ['token: two methods', () => t.server.token(formPost(`${GRANT}&client_secret=xyz`, basicAbc))],
    ['token: hostile scope', () => t.server.token(tokenPost('abc', 'xyz', `&scope=${enc('a"b')}`))],
    ['token: unknown scope', () => t.server.token(tokenPost('abc', 'xyz', '&scope=admin'))],
    [
      'token: denied scope',
      () => t.server.token(tokenPost('myapp123', 'secret456', '&scope=data:write')),
    ],
    ['token: grant not allowed', () => t.server.token(tokenPost('legacy-portal', 'portal-secret'))],
    ['api: no token', () => t.server.api(apiGet())],
    ['api: empty bearer', () => t.server.api(apiGet(undefined, { Authorization: 'Bearer ' }))],
    ['api: bad characters', () => t.server.api(apiGet(undefined, { Authorization: 'Bearer a,b' }))],
    [
      'api: token in the URL',
      () => t.server.api(apiGet(undefined, {}, `?access_token=${enc(HOSTILE)}`)),
    ],
    ['api: garbage token', () => t.server.api(apiGet('abc.def.ghi'))],
    [
      'api: alg none with a hostile kid',
      () => t.server.api(apiGet(unsigned({ alg: 'none', typ: HOSTILE }))),
    ],
    ['api: hostile alg', () => t.server.api(apiGet(unsigned({ alg: HOSTILE })))],
    ['api: unknown kid', () => t.server.api(apiGet(unsigned({ alg: 'ES256', kid: HOSTILE })))],
    ['api: tampered signature', () => t.server.api(apiGet(`${token.slice(0, -4)}AAAA`))],
    ['api: missing scope', () => t.server.api(apiGet(reportToken))],
    [
      'api: wrong method',
      () => t.server.api(new Request(`${ORIGIN}/api/data`, { method: 'POST' })),
    ],
    [
      'introspect: no credentials',
      () => t.server.introspect(formPost(`token=${token}`, {}, '/introspect')),
    ],
    ['introspect: no token', () => t.server.introspect(formPost('', basicAbc, '/introspect'))],
    [
      'revoke: wrong secret',
      () =>
        t.server.revoke(
          formPost(`token=${token}&client_id=abc&client_secret=${enc(HOSTILE)}`, {}, '/revoke'),
        ),
    ],
  ];

  it.each(cases)('%s', async (_name, send) => {
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    const json = (await res.json()) as { error_description?: string };
    expect(json.error_description ?? '').toMatch(DESCRIPTION);
    const challenge = res.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^[\x20-\x7e]*$/);
    const description = /error_description="([^"]*)"/.exec(challenge)?.[1] ?? '';
    expect(description).toMatch(DESCRIPTION);
    const header = res.headers.get(CHECKS_HEADER);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const checks = parseChecksHeader(header);
    expect(checks?.at(-1)?.ok).toBe(false);
    for (const check of checks ?? []) {
      expect(check.detail ?? '').not.toMatch(/["\\\u0001\u2019]/);
      expect(check.detail ?? '').not.toContain(token);
    }
  });
});
