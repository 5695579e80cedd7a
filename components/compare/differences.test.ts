import { describe, expect, it } from 'vitest';
import { toRawHttp } from '@/lib/protocol/render';
import { buildTokenRequest, type TokenRequestSettings } from '@/lib/protocol/requests';
import { markDifferences, type MarkedLine } from './differences';

const base: TokenRequestSettings = {
  clientId: 'abc',
  clientSecret: 'xyz',
  scope: '',
  authMethod: 'basic',
  contentType: 'form',
  grantType: 'client_credentials',
};

const differing = (lines: MarkedLine[]) =>
  lines.flatMap((line) => line.filter((p) => p.differs).map((p) => p.text));

describe('markDifferences', () => {
  it('marks what the three methods do differently, and nothing they share', () => {
    const texts = [
      toRawHttp(buildTokenRequest(base, 'http://127.0.0.1:3000')),
      toRawHttp(buildTokenRequest({ ...base, authMethod: 'body' }, 'http://127.0.0.1:3000')),
      toRawHttp(
        buildTokenRequest(
          {
            ...base,
            clientId: 'learner-1',
            authMethod: 'private_key_jwt',
            clientAssertion: 'a.b.c',
          },
          'http://127.0.0.1:3000',
        ),
      ),
    ];
    const [basic, post, jwt] = markDifferences(texts);
    expect(differing(basic!)).toEqual(['Authorization: Basic YWJjOnh5eg==', 'Content-Length: 29']);
    expect(differing(post!)).toEqual([
      'Content-Length: 61',
      '&client_id=abc',
      '&client_secret=xyz',
    ]);
    expect(differing(jwt!)).toEqual([
      expect.stringMatching(/^Content-Length: /),
      '&client_id=learner-1',
      '&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer',
      '&client_assertion=a.b.c',
    ]);
    // The request line, Host, Content-Type and grant_type are the same in all three.
    for (const lines of [basic!, post!, jwt!]) {
      expect(lines[0]).toEqual([{ text: 'POST /token HTTP/1.1', differs: false }]);
      expect(lines.at(-1)?.[0]).toEqual({ text: 'grant_type=client_credentials', differs: false });
    }
    // Joining the parts gives back exactly the text that is sent.
    markDifferences(texts).forEach((lines, i) =>
      expect(lines.map((l) => l.map((p) => p.text).join('')).join('\n')).toBe(texts[i]),
    );
  });

  it('marks nothing in a single request, and a part shared by only some requests', () => {
    expect(differing(markDifferences(['GET / HTTP/1.1\nA: 1\n'])[0]!)).toEqual([]);
    const [a, b, c] = markDifferences(['X\nA: 1', 'X\nA: 1', 'X\nA: 2']);
    expect(differing(a!)).toEqual(['A: 1']);
    expect(differing(b!)).toEqual(['A: 1']);
    expect(differing(c!)).toEqual(['A: 2']);
  });
});
