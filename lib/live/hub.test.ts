import { describe, expect, it } from 'vitest';
import type { AuthEvent, AuthEventSink } from '../oauth/events';
import { attachEventSource, feedableEvent, getLiveHub } from './hub';

function source() {
  const listeners = new Set<AuthEventSink>();
  return {
    subscribe(listener: AuthEventSink) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: AuthEvent) {
      for (const l of listeners) l(event);
    },
    get count() {
      return listeners.size;
    },
  };
}

const event: AuthEvent = {
  at: 0,
  endpoint: 'token',
  method: 'POST',
  path: '/token',
  clientId: 'abc',
  status: 200,
  durationMs: 1,
  checks: [],
};

describe('live hub', () => {
  it('is one instance per process', () => {
    expect(getLiveHub()).toBe(getLiveHub());
  });

  it('records what an attached source reports, attaching each source once', async () => {
    const src = source();
    const hub = attachEventSource(src);
    attachEventSource(src);
    expect(src.count).toBe(1);
    const before = (await hub.feed.since(0)).length;
    src.emit(event);
    const after = await hub.feed.since(0);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.event.clientId).toBe('abc');
  });

  it('never keeps a credential of a request naming the instructor, and keeps a learner’s', async () => {
    const src = source();
    const hub = attachEventSource(src);
    src.emit({
      ...event,
      clientId: 'instructor',
      credential: { kind: 'secret', value: 'the-key' },
    });
    src.emit({ ...event, clientId: 'abc', credential: { kind: 'secret', value: 'xyz' } });
    const [instructor, learner] = (await hub.feed.since(0)).slice(-2);
    expect(instructor?.event.clientId).toBe('instructor');
    expect(instructor?.event.credential).toBeUndefined();
    expect(learner?.event.credential).toEqual({ kind: 'secret', value: 'xyz' });
    expect(feedableEvent(event)).toBe(event);
  });
});
