import { describe, expect, it } from 'vitest';
import { lesson } from '../lessons/client-credentials';
import { parseStepLink, stepHref } from './deep-link';

describe('step links', () => {
  it('reads scenario and step, ignoring what is not valid', () => {
    expect(parseStepLink('?scenario=wrong-secret&step=4', lesson)).toEqual({
      scenario: 'wrong-secret',
      step: 4,
    });
    expect(parseStepLink('?step=99', lesson)).toEqual({ step: 7 });
    expect(parseStepLink('?scenario=nope&step=0', lesson)).toEqual({});
    expect(parseStepLink('?step=2.5&scenario=', lesson)).toEqual({});
    expect(parseStepLink('', lesson)).toEqual({});
  });

  it('writes links that read back the same', () => {
    const href = stepHref('client-credentials', { scenario: 'expired-token', step: 6 });
    expect(href).toBe('/learn/client-credentials/step?scenario=expired-token&step=6');
    expect(parseStepLink(href.split('?')[1] ?? '', lesson)).toEqual({
      scenario: 'expired-token',
      step: 6,
    });
    expect(stepHref('client-credentials', {})).toBe('/learn/client-credentials/step');
  });
});
