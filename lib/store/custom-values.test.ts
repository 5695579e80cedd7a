// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { keepCustomValues, keptRun } from './custom-values';

/** The values kept for `scenario`, as a reload of that scenario takes them. */
function keptCustomValues(slug: string, scenario: string) {
  const kept = keptRun(slug);
  return kept?.scenario === scenario ? kept.values : undefined;
}

const values = { clientId: 'abc', clientSecret: 'nope', scope: '', authMethod: 'body' } as const;

describe('the learner’s own values, kept for the tab', () => {
  beforeEach(() => sessionStorage.clear());

  it('come back as they were kept, per lesson and for their scenario only', () => {
    keepCustomValues('one', 'custom', values);
    expect(keptCustomValues('one', 'custom')).toEqual(values);
    expect(keptCustomValues('two', 'custom')).toBeUndefined();
    expect(keptCustomValues('one', 'expired-token')).toBeUndefined();
    keepCustomValues('one', 'expired-token', values);
    expect(keptCustomValues('one', 'expired-token')).toEqual(values);
    expect(keptCustomValues('one', 'custom')).toBeUndefined();
    keepCustomValues('one', 'expired-token', null);
    expect(keptCustomValues('one', 'expired-token')).toBeUndefined();
  });

  it('read values kept before they named a scenario as the learner’s own', () => {
    sessionStorage.setItem('flowlab-custom:one', JSON.stringify(values));
    expect(keptCustomValues('one', 'custom')).toEqual(values);
    expect(keptCustomValues('one', 'valid')).toBeUndefined();
  });

  it('read as nothing kept when the stored text is not what was kept', () => {
    for (const raw of [
      '{',
      '"x"',
      '{"clientId":1}',
      JSON.stringify({ ...values, authMethod: 'x' }),
    ]) {
      sessionStorage.setItem('flowlab-custom:one', raw);
      expect(keptCustomValues('one', 'custom'), raw).toBeUndefined();
    }
    sessionStorage.setItem(
      'flowlab-custom:one',
      JSON.stringify({ ...values, clientSecret: 'x'.repeat(5000) }),
    );
    expect(keptCustomValues('one', 'custom')).toBeUndefined();
  });

  it('name the run they belong to, for a link that names no scenario', () => {
    expect(keptRun('one')).toBeUndefined();
    keepCustomValues('one', 'expired-token', values);
    expect(keptRun('one')).toEqual({ scenario: 'expired-token', values });
    expect(keptRun('two')).toBeUndefined();
    sessionStorage.setItem('flowlab-custom:one', JSON.stringify({ ...values, scenario: 7 }));
    expect(keptRun('one')).toBeUndefined();
  });
});
