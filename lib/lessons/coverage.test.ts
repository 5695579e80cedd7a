/**
 * The seed checklist: every fact, step, variable, insight and question topic of the two source
 * lessons (the "client credentials flow" pages FlowLab was specified from) must be covered by the
 * lesson data. The sources are not available at test time, so the checklist is written here as
 * data: each entry names the fact and says where in the lesson it must appear.
 */
import { describe, expect, it } from 'vitest';
import { getScenario } from '../engine/scenarios';
import { API_PATH } from '../protocol/paths';
import { buildTokenRequest } from '../protocol/requests';
import { snippet, snippetKinds, type SnippetKind } from '../engine/snippets';
import { lesson } from './client-credentials';
import { matches, sections, type SectionName } from './lesson-text.test-support';

interface ChecklistItem {
  /** The fact from the sources, in a few words. */
  readonly fact: string;
  readonly section: SectionName;
  /** Every pattern must match somewhere in that section (one entry of it, case-insensitive). */
  readonly all: readonly RegExp[];
}

const checklist: readonly ChecklistItem[] = [
  // The concept flow.
  { fact: 'flow: client prepares credentials', section: 'flow', all: [/prepares credentials/] },
  { fact: 'flow: client POSTs to the auth server', section: 'flow', all: [/POST \/token/] },
  { fact: 'flow: auth server validates (decision)', section: 'flow', all: [/valid\?/] },
  {
    fact: 'flow: valid -> access token returned',
    section: 'flow',
    all: [/token issued|returns an access token/],
  },
  { fact: 'flow: invalid -> error', section: 'flow', all: [/error/] },
  { fact: 'flow: token used to access protected APIs', section: 'flow', all: [/protected API/] },

  // The seven steps of the execution table.
  {
    fact: 'step 1: client prepares the POST request',
    section: 'steps',
    all: [/prepares the POST request/],
  },
  {
    fact: 'step 1 request data',
    section: 'steps',
    all: [/grant_type=client_credentials&client_id=abc&client_secret=xyz/],
  },
  {
    fact: 'step 2: client sends the POST to the auth server',
    section: 'steps',
    all: [/sends the POST request/],
  },
  {
    fact: 'step 2: server checks client_id and client_secret',
    section: 'steps',
    all: [/client_id and client_secret/],
  },
  {
    fact: 'step 3: auth server validates the credentials',
    section: 'steps',
    all: [/validates the credentials/, /Credentials valid\?/],
  },
  {
    fact: 'step 4: auth server issues an access token',
    section: 'steps',
    all: [/issues an access token/, /"token_type":"Bearer"/, /"expires_in":3600/],
  },
  {
    fact: 'step 5: client receives the token, stored for API calls',
    section: 'steps',
    all: [/receives/, /stored for API calls/],
  },
  {
    fact: 'step 6: client uses the token on the API',
    section: 'steps',
    all: [/Authorization: Bearer/, /API response data/],
  },
  { fact: 'step 7: end, process complete', section: 'steps', all: [/^End$/, /Process complete/] },

  // The variable tracker.
  ...['client_id', 'client_secret', 'access_token', 'token_type'].map((name): ChecklistItem => ({
    fact: `tracked variable ${name}`,
    section: 'variables',
    all: [new RegExp(`^${name}$`)],
  })),

  // Key moments.
  {
    fact: 'insight: why send client_id and client_secret (prove identity)',
    section: 'keyMoments',
    all: [/client_id and client_secret/, /proves? who it is|identity/],
  },
  {
    fact: 'insight: invalid credentials -> error, no token ("No" branch)',
    section: 'keyMoments',
    all: [/invalid/, /"No" branch/, /No access token is issued/],
  },
  {
    fact: 'insight: the token authenticates API requests in the Authorization header',
    section: 'keyMoments',
    all: [/Authorization header/, /Bearer/],
  },

  // Visual quiz.
  {
    fact: 'visual quiz: value of access_token after the token step',
    section: 'visualQuiz',
    all: [/access_token after step/],
  },
  {
    fact: 'visual quiz: the step where the server validates',
    section: 'visualQuiz',
    all: [/which step does the authorization server validate/],
  },
  {
    fact: 'visual quiz: what a wrong client_secret changes',
    section: 'visualQuiz',
    all: [/client_secret were wrong/],
  },

  // Introduction: purpose and the five situations.
  {
    fact: 'purpose: a program gets permission by proving who it is, no user login',
    section: 'intro',
    all: [/proves its own identity/, /Nobody signs in/],
  },
  {
    fact: 'when: a backend service talks to another service securely',
    section: 'whenToUse',
    all: [/backend service .*another service securely/],
  },
  {
    fact: 'when: an app gets data from an API without a user',
    section: 'whenToUse',
    all: [/data from an API .*no user/],
  },
  {
    fact: 'when: automating tasks that need protected resources',
    section: 'whenToUse',
    all: [/automates work .*protected resources/],
  },
  {
    fact: 'when: a system component authenticates itself to get tokens',
    section: 'whenToUse',
    all: [/system component .*authenticate itself/],
  },
  {
    fact: 'when: keep user data private, app identity only',
    section: 'whenToUse',
    all: [/user data out .*identity of the application/],
  },

  // Syntax and examples.
  {
    fact: 'syntax: POST with form data',
    section: 'syntax',
    all: [/POST/, /x-www-form-urlencoded/],
  },
  {
    fact: 'syntax: include client ID and secret to prove identity',
    section: 'syntax',
    all: [/client ID and secret/],
  },
  {
    fact: 'syntax (corrected): HTTP Basic is the MUST, body params allowed but NOT RECOMMENDED',
    section: 'syntax',
    all: [/HTTP Basic.*MUST support/, /in the body.*MAY accept.*NOT RECOMMENDED/],
  },
  { fact: 'examples: raw request', section: 'syntax', all: [/raw HTTP request/] },
  { fact: 'examples: curl', section: 'syntax', all: [/curl/] },
  {
    fact: 'examples: Python requests program printing the token',
    section: 'syntax',
    all: [/Python program with requests/, /prints "Access token: …" when the status is 200/],
  },

  // Concept snapshot.
  {
    fact: 'snapshot: client sends client_id and client_secret to the auth server',
    section: 'snapshot',
    all: [/sends its client_id and client_secret/],
  },
  {
    fact: 'snapshot: auth server validates credentials',
    section: 'snapshot',
    all: [/validates the credentials/],
  },
  {
    fact: 'snapshot: if valid, server returns an access token',
    section: 'snapshot',
    all: [/Valid: .*access token/],
  },
  {
    fact: 'snapshot: client uses token to access protected APIs',
    section: 'snapshot',
    all: [/uses the token to call protected APIs/],
  },
  { fact: 'snapshot: no user interaction', section: 'snapshot', all: [/No user is involved/] },
  {
    fact: 'snapshot: server-to-server authentication',
    section: 'snapshot',
    all: [/server-to-server/],
  },

  // Important notes and summary.
  {
    fact: 'note: keep the client secret safe, never share it',
    section: 'notes',
    all: [/Keep the client secret safe/],
  },
  {
    fact: 'note: tokens expire, request a new one',
    section: 'notes',
    all: [/Access tokens expire/, /repeats the token request/],
  },
  {
    fact: 'note: no user login, server-to-server',
    section: 'notes',
    all: [/no user login/, /server-to-server/],
  },
  {
    fact: 'summary: apps get tokens by proving their identity',
    section: 'notes',
    all: [/proving its own identity/],
  },
  {
    fact: 'summary: used when no user is involved, backend to API',
    section: 'notes',
    all: [/no user is involved, such as a backend service/],
  },
  {
    fact: 'summary: send client ID and secret to get a token',
    section: 'notes',
    all: [/sends its client ID and secret/],
  },

  // Full transcript.
  {
    fact: 'transcript: client prepares a POST with client_id and client_secret',
    section: 'transcript',
    all: [/prepares a POST request/, /client ID and client secret/],
  },
  {
    fact: 'transcript: sent to the token endpoint, server checks validity',
    section: 'transcript',
    all: [/token endpoint/, /validates/],
  },
  {
    fact: 'transcript: valid -> access token; stored and used in the Authorization header',
    section: 'transcript',
    all: [/issues an access token/, /Authorization: Bearer/],
  },
  {
    fact: 'transcript: invalid -> error and no token',
    section: 'transcript',
    all: [/issues no token/],
  },
  {
    fact: 'transcript: no user involved, server-to-server',
    section: 'transcript',
    all: [/No person signs in/, /server-to-server/],
  },

  // Practice: the five source topics (and the corrections).
  {
    fact: 'practice: purpose of the flow (app identity, no user)',
    section: 'practice',
    all: [/^Purpose of the flow$/, /proving its own identity, with no user involved/],
  },
  { fact: 'practice: HTTP method is POST', section: 'practice', all: [/^HTTP method$/, /^POST$/] },
  {
    fact: 'practice: the access_token response field',
    section: 'practice',
    all: [/^"access_token"$/, /^"refresh_token"$/, /^"id_token"$/],
  },
  {
    fact: 'practice: JSON vs form body (keeps the Basic-header distractor)',
    section: 'practice',
    all: [/Content-Type: application\/json/, /no Authorization header with HTTP Basic/],
  },
  {
    fact: 'practice: secure transport (HTTPS; Basic over TLS is fine)',
    section: 'practice',
    all: [
      /POST over HTTPS, with the credentials in an HTTP Basic Authorization header/,
      /URL query parameters/,
    ],
  },
];

describe('seed checklist: the client credentials lesson covers its sources', () => {
  it.each(checklist.map((item) => [item.fact, item] as const))('%s', (_fact, item) => {
    const text = sections[item.section](lesson);
    for (const pattern of item.all)
      expect(matches(text, pattern), `${item.section} should match ${pattern}`).toBe(true);
  });

  it('checks each of the 7 steps, in order', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual([
      'prepare',
      'send',
      'validate',
      'issue',
      'receive',
      'call-api',
      'end',
    ]);
  });

  it('lists exactly five situations to use the flow', () => {
    expect(lesson.intro.whenToUse).toHaveLength(5);
  });
});

describe('practice and quizzes: content-specific checks', () => {
  const stepIds = lesson.steps.map((s) => s.id);

  it('has at least ten questions across all three difficulties', () => {
    expect(lesson.practice.length).toBeGreaterThanOrEqual(10);
    for (const d of ['easy', 'medium', 'hard'] as const) {
      expect(lesson.practice.filter((q) => q.difficulty === d).length, d).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers the topics of what the app demonstrates (at least five beyond the source five)', () => {
    const own = [
      /Basic vs body/,
      /invalid_client vs invalid_request/,
      /Refresh tokens in this grant/,
      /expires_in/,
      /insufficient_scope/,
      /Cache-Control: no-store/,
      /aud and exp/,
    ];
    for (const topic of own)
      expect(
        matches(
          lesson.practice.map((q) => q.topic),
          topic,
        ),
        String(topic),
      ).toBe(true);
  });

  it('gives every question exactly one correct option, a hint, a worked solution and mistakes', () => {
    for (const q of lesson.practice) {
      expect(
        q.options.filter((o) => o.id === q.answer),
        q.id,
      ).toHaveLength(1);
      expect(new Set(q.options.map((o) => o.text)).size, q.id).toBe(q.options.length);
      expect(q.hint.trim(), q.id).not.toBe('');
      expect(q.solution.length, q.id).toBeGreaterThanOrEqual(2);
      expect(q.mistakes.length, q.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('points every practice hint, key moment and visual quiz item at existing steps', () => {
    for (const q of lesson.practice) if (q.stepId) expect(stepIds, q.id).toContain(q.stepId);
    for (const k of lesson.keyMoments)
      for (const id of k.stepIds) expect(stepIds, k.id).toContain(id);
    for (const v of lesson.visualQuiz ?? []) expect(stepIds, v.id).toContain(v.stepId);
    expect(lesson.keyMoments).toHaveLength(3);
    expect(lesson.visualQuiz).toHaveLength(3);
  });

  it('does not teach the uncorrected claims of the sources', () => {
    const all = [
      ...sections.practice(lesson),
      ...lesson.practice.flatMap((q) => q.solution),
      ...sections.syntax(lesson),
      ...sections.notes(lesson),
    ];
    // Body parameters are not "the" way to authenticate (RFC 6749 §2.3.1).
    expect(
      matches(
        all,
        /must (send|include) (the )?(client_id and client_secret|credentials) in the (request )?body/,
      ),
    ).toBe(false);
    // The secure-transport question's right answer must not depend on avoiding headers.
    const secure = lesson.practice.find((q) => q.topic === 'Sending credentials securely');
    const right = secure?.options.find((o) => o.id === secure.answer)?.text ?? '';
    expect(right).toMatch(/HTTPS/);
    expect(right).toMatch(/Authorization header/);
  });
});

/** Topics a good teacher adds to the sources: where each is taught, and its practice question. */
const addedTopics: readonly {
  readonly topic: string;
  readonly section: SectionName;
  readonly all: readonly RegExp[];
  /** The topic of its practice question, if it has one. */
  readonly question?: RegExp;
}[] = [
  {
    topic: 'reuse the token until shortly before expires_in, renew once',
    section: 'notes',
    all: [/Reuse one token .*shortly before it expires.*clock/, /Renew once/],
    question: /^Token reuse and renewal$/,
  },
  {
    topic: 'least scope, read the granted scope',
    section: 'syntax',
    all: [/grant less than asked.*MUST name the scope.*least you need/],
    question: /^Least scope, granted scope$/,
  },
  {
    topic: 'confidential clients only (§4.4, §2.1)',
    section: 'intro',
    all: [/MUST only be used by confidential clients.*§2\.1/],
    question: /^Confidential clients only$/,
  },
  {
    topic: 'discovery (RFC 8414)',
    section: 'syntax',
    all: [/RFC 8414.*\/\.well-known\/oauth-authorization-server/],
    question: /^Discovery \(RFC 8414\)$/,
  },
  {
    topic: '429 with Retry-After, back off',
    section: 'notes',
    all: [/429 Too Many Requests.*Retry-After.*backoff/],
    question: /^429 and Retry-After$/,
  },
  {
    topic: 'TLS on the API call (RFC 6750 §5.3)',
    section: 'notes',
    all: [/TLS on the API call.*RFC 6750 §5\.3/],
    question: /^TLS on the API call$/,
  },
  {
    topic: 'asymmetric client authentication (RFC 9700 §2.5), taught in the second lesson',
    section: 'notes',
    all: [/RFC 9700 §2\.5.*second lesson.*private_key_jwt/],
    question: /^Asymmetric client authentication$/,
  },
  {
    topic: 'token_type is case-insensitive (§5.1, §7.1)',
    section: 'syntax',
    all: [/token_type is case-insensitive.*§7\.1/],
  },
  {
    topic: 'introspection: a client asks only about its own tokens (RFC 7662)',
    section: 'notes',
    all: [/RFC 7662.*"active": false.*only about its own tokens.*FlowLab does/],
  },
];

describe('topics beyond the sources', () => {
  it.each(addedTopics.map((t) => [t.topic, t] as const))('%s', (_topic, t) => {
    for (const pattern of t.all)
      expect(matches(sections[t.section](lesson), pattern), String(pattern)).toBe(true);
    if (!t.question) return;
    const question = lesson.practice.find((q) => t.question?.test(q.topic));
    expect(question, String(t.question)).toBeDefined();
    expect(question?.stepId, 'tied to a step').toBeDefined();
  });

  it('names the second lesson once, by its title (the notes are prose, not a link)', () => {
    const later = lesson.notes.filter((n) => /second lesson/.test(n));
    expect(later).toHaveLength(1);
    expect(later[0]).not.toMatch(/https?:|\/learn\//);
  });

  it('rates the questions that need the RFC text as hard', () => {
    const hard = lesson.practice.filter((q) => q.difficulty === 'hard').map((q) => q.id);
    for (const id of ['basic-vs-body', 'secure-transport', 'no-refresh-token', 'jwt-aud-exp'])
      expect(hard).toContain(id);
  });
});

describe('syntax and examples: each description says what its generated code does', () => {
  const request = buildTokenRequest(getScenario(lesson, 'valid').settings, 'http://127.0.0.1:3000');
  const example = (id: string) => lesson.syntax.examples.find((e) => e.id === id);

  it('the Python program prints what the seed program prints, as its description says', () => {
    const code = snippet('python', request);
    expect(code).toContain('print(f"Access token: {token_info[\'access_token\']}")');
    expect(code).toContain('print(f"Failed to get token: {response.status_code}")');
    expect(example('python')?.description).toMatch(/"Access token: …".*"Failed to get token/);
  });

  it('no example claims to call the API unless its code does', () => {
    // The example tabs render these snippet kinds (components/modes/examples-workbench.tsx).
    const kinds: Readonly<Record<string, SnippetKind>> = { fetch: 'javascript' };
    for (const e of lesson.syntax.examples) {
      const kind = kinds[e.id] ?? snippetKinds.find((k) => k === e.id);
      expect(kind, e.id).toBeDefined();
      const calls = snippet(kind ?? 'http', request);
      if (!calls.includes(API_PATH)) expect(e.description, e.id).not.toMatch(/call(s)? the .*API/i);
    }
  });
});
