import { describe, expect, it } from 'vitest';
import {
  RESOURCE_METADATA_PATH,
  endpointUrl,
  registrationClockPath,
  registrationPath,
  registrationSecretPath,
  sendablePaths,
} from './paths';

describe('paths', () => {
  it('builds the RFC 9728 metadata path from the resource path', () => {
    expect(RESOURCE_METADATA_PATH).toBe('/.well-known/oauth-protected-resource/api');
  });

  it('joins a path to an origin, replacing any path the origin had', () => {
    expect(endpointUrl('http://127.0.0.1:3000', '/token')).toBe('http://127.0.0.1:3000/token');
    expect(endpointUrl('https://x.example/learn', '/api/data')).toBe('https://x.example/api/data');
  });

  it('builds the registration paths with the client_id escaped', () => {
    expect(registrationPath('learner-a')).toBe('/register/learner-a');
    expect(registrationPath('a/b')).toBe('/register/a%2Fb');
    expect(registrationSecretPath('c')).toBe('/register/c/secret');
    expect(registrationClockPath('c')).toBe('/register/c/clock');
  });

  it('lists the four endpoints a learner can send to', () => {
    expect(sendablePaths).toEqual(['/token', '/api/data', '/introspect', '/revoke']);
  });
});
