import { describe, expect, it } from 'vitest';
import { CheckRecorder, MAX_EVENT_CLIENT_ID, shownClientId } from './check-recorder';

const base = { at: 0, endpoint: 'token', method: 'POST', path: '/token', durationMs: 1 } as const;

describe('the client id an event carries', () => {
  it('is the id as named when it is short and printable', () => {
    expect(shownClientId('learner-4f9c2a')).toBe('learner-4f9c2a');
  });

  it('is cut to MAX_EVENT_CLIENT_ID characters, so no paragraph reaches the projector', () => {
    const checks = new CheckRecorder();
    checks.clientId = 'HELLO-CLASS-THIS-IS-ON-THE-PROJECTOR-'.repeat(300);
    const shown = checks.toEvent(base, { status: 401 }).clientId!;
    expect(Array.from(shown)).toHaveLength(MAX_EVENT_CLIENT_ID);
    expect(shown.endsWith('…')).toBe(true);
    expect(Array.from(shownClientId('é'.repeat(MAX_EVENT_CLIENT_ID)))).toHaveLength(64);
  });

  it('has its control characters replaced', () => {
    expect(shownClientId('abc\n\u0007\u009bxyz')).toBe('abc\ufffd\ufffd\ufffdxyz');
    // a right-to-left override must not make junk read as a lesson client on the projector
    expect(shownClientId('\u202ecba')).toBe('\ufffdcba');
    expect(shownClientId('a\u200bb\u2028c\u2029d\ufeff')).toBe('a\ufffdb\ufffdc\ufffdd\ufffd');
    expect(shownClientId(`x${'\u0301'.repeat(60)}y`)).toBe('x\u0301\u0301y');
    expect(shownClientId('café-client')).toBe('café-client');
  });
});
