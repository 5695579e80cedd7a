/**
 * Teaching accuracy: statements that common material gets wrong, checked against the RFCs in every
 * lesson. Each rule judges a whole teaching item (a question with its options, hint and solution;
 * a note; a paragraph), so a claim and the qualification the RFC demands must sit together.
 */
import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import { teachingItems, type TeachingItem } from './lesson-text.test-support';

/** The items matching `pattern` that do not also match `required`, by where they are. */
function unqualified(items: readonly TeachingItem[], pattern: RegExp, required: RegExp): string[] {
  return items.filter((i) => pattern.test(i.text) && !required.test(i.text)).map((i) => i.where);
}

/** The items matching `pattern`, by where they are. */
function saying(items: readonly TeachingItem[], pattern: RegExp): string[] {
  return items.filter((i) => pattern.test(i.text)).map((i) => i.where);
}

/** Body credentials named in prose, or sent in a form body of a shown request. */
const bodyCredentials =
  /\bbody (fields|parameters|credentials)\b|client_secret_post|(credentials|client_id and client_secret|secret) (as|in) (the )?(form fields|(POST |request |form )?body)|form fields in the (POST )?body|^[\w%.~-]*(&[\w%.~-]*)*client_secret=/im;

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s: RFC accuracy', (_s, lesson) => {
  const items = teachingItems(lesson);

  it('never states "no refresh token" as absolute (RFC 6749 §4.4.3: SHOULD NOT)', () => {
    expect(
      saying(
        items,
        /there is no refresh|no refresh[_ ]token in this grant|never (issues?|gets?|returns?) a refresh|refresh[_ ]tokens? (is|are) not (issued|returned|part)|does not issue (them|refresh)/i,
      ),
    ).toEqual([]);
    expect(unqualified(items, /refresh[_ ]token/i, /SHOULD NOT/)).toEqual([]);
  });

  it('marks body credentials NOT RECOMMENDED wherever they appear (RFC 6749 §2.3.1)', () => {
    expect(saying(items, bodyCredentials).length).toBeGreaterThan(0);
    expect(unqualified(items, bodyCredentials, /NOT RECOMMENDED/)).toEqual([]);
    expect(saying(items, /optional alternative/i)).toEqual([]);
  });

  it('does not tell clients to avoid keeping tokens (no-store is for caches, RFC 6749 §5.1)', () => {
    expect(
      saying(items, /(do not|don't|never) (cache|store|keep) (the )?(token|token responses)\b/i),
    ).toEqual([]);
    expect(unqualified(items, /no-store/i, /cache|prox/i)).toEqual([]);
  });

  it('qualifies expires_in and error_description where response fields are listed (§5.1, §5.2)', () => {
    const listsFields = /access_token[^]*token_type[^]*expires_in|expires_in[^]*access_token/i;
    expect(unqualified(items, listsFields, /RECOMMENDED|usually|not required/i)).toEqual([]);
    expect(unqualified(items, /error_description/, /OPTIONAL/i)).toEqual([]);
  });

  it('states 401 for invalid_client only with the 400 default or as FlowLab’s own choice (§5.2)', () => {
    const says401 = /401[^.]*invalid_client|invalid_client[^.]*401/;
    expect(unqualified(items, says401, /400|FlowLab/)).toEqual([]);
    expect(saying(items, /(?<!Believing )invalid_client is (always )?401|typically 401/i)).toEqual(
      [],
    );
  });

  it('does not promise a default scope without the invalid_scope alternative (§3.3)', () => {
    const defaultScope = /default[^.]{0,40}scope|scope[^.]{0,40}default/i;
    expect(unqualified(items, defaultScope, /invalid_scope/)).toEqual([]);
  });

  it('does not say the client is always the resource owner (§4.4)', () => {
    expect(saying(items, /resource owner is the client/i)).toEqual([]);
  });
});
