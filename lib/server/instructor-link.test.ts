import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instructorLinkMessage, serverOrigin } from './instructor-link';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flowlab-link-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the instructor sign-in link printed at start', () => {
  it('prints a ready /present?key= link for a generated key, at the real origin', async () => {
    const env = { FLOWLAB_DATA_DIR: dir, __NEXT_PRIVATE_ORIGIN: 'http://127.0.0.1:3150' };
    const first = await instructorLinkMessage(env);
    expect(first).toMatch(/key is new, kept in .*instructor-key/);
    const link = /http:\/\/127\.0\.0\.1:3150\/present\?key=([A-Za-z0-9_-]{43})$/m.exec(first);
    expect(link).not.toBeNull();
    const again = await instructorLinkMessage(env);
    expect(again).toContain(`?key=${link![1]}`); // the same key after a restart
    expect(again).not.toMatch(/new, kept/);
  });

  it('never prints a key that comes from FLOWLAB_INSTRUCTOR_KEY', async () => {
    const key = 'from-the-environment-0123456789';
    const message = await instructorLinkMessage({ FLOWLAB_INSTRUCTOR_KEY: key, PORT: '4321' });
    expect(message).not.toContain(key);
    expect(message).toContain('FLOWLAB_INSTRUCTOR_KEY');
    expect(message).toContain('http://localhost:4321/present');
  });

  it('prefers FLOWLAB_ISSUER for the origin', () => {
    expect(serverOrigin({ FLOWLAB_ISSUER: 'https://class.example/', PORT: '1' })).toBe(
      'https://class.example',
    );
  });
});
