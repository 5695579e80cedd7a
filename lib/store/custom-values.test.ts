// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { keepCustomValues, keptCustomValues } from './custom-values';

const values = { clientId: 'abc', clientSecret: 'nope', scope: '', authMethod: 'body' } as const;

describe('the learner’s own values, kept for the tab', () => {
  beforeEach(() => sessionStorage.clear());

  it('come back as they were kept, per lesson', () => {
    keepCustomValues('one', values);
    expect(keptCustomValues('one')).toEqual(values);
    expect(keptCustomValues('two')).toBeUndefined();
  });

  it('read as nothing kept when the stored text is not what was kept', () => {
    for (const raw of [
      '{',
      '"x"',
      '{"clientId":1}',
      JSON.stringify({ ...values, authMethod: 'x' }),
    ]) {
      sessionStorage.setItem('flowlab-custom:one', raw);
      expect(keptCustomValues('one'), raw).toBeUndefined();
    }
    sessionStorage.setItem(
      'flowlab-custom:one',
      JSON.stringify({ ...values, clientSecret: 'x'.repeat(5000) }),
    );
    expect(keptCustomValues('one')).toBeUndefined();
  });
});
