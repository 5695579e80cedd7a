import { afterEach, describe, expect, it } from 'vitest';
import { webStorage } from './web-storage';

const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');

afterEach(() => {
  if (original) Object.defineProperty(globalThis, 'localStorage', original);
  else delete (globalThis as { localStorage?: Storage }).localStorage;
});

describe('webStorage', () => {
  it('is the browser storage when there is one', () => {
    const fake = { getItem: () => null } as unknown as Storage;
    Object.defineProperty(globalThis, 'localStorage', { value: fake, configurable: true });
    expect(webStorage('localStorage')).toBe(fake);
  });

  it('is undefined when the browser refuses it (the getter throws a SecurityError)', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      configurable: true,
    });
    expect(webStorage('localStorage')).toBeUndefined();
  });
});
