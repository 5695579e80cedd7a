import { describe, expect, it } from 'vitest';
import { isPresenterBroadcast } from './presenter-channel';

describe('isPresenterBroadcast', () => {
  it('takes a hello and a position with or without the record shown', () => {
    expect(isPresenterBroadcast({ type: 'hello' })).toBe(true);
    expect(
      isPresenterBroadcast({ type: 'state', scenarioId: 'valid', cursor: 0, record: null }),
    ).toBe(true);
    expect(
      isPresenterBroadcast({
        type: 'state',
        scenarioId: 'wrong-secret',
        cursor: 4,
        record: { outcome: 'refused', activeNode: 'error', failed: true },
      }),
    ).toBe(true);
  });

  it('refuses anything else, a position from an older presenter tab included', () => {
    expect(isPresenterBroadcast(null)).toBe(false);
    expect(isPresenterBroadcast('hello')).toBe(false);
    expect(isPresenterBroadcast({ type: 'state', scenarioId: 'valid', cursor: 1 })).toBe(false);
    expect(
      isPresenterBroadcast({ type: 'state', scenarioId: 'valid', cursor: 1, record: {} }),
    ).toBe(false);
    expect(isPresenterBroadcast({ type: 'state', scenarioId: 1, cursor: 1, record: null })).toBe(
      false,
    );
  });
});
