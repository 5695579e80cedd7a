import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

/** The test server's FLOWLAB_REVOCATIONS_PER_CLIENT (playwright.config.ts): a quota a test can fill. */
export const TEST_REVOCATIONS_PER_CLIENT = 300;

/**
 * The test server's registrations per caller address (FLOWLAB_REGISTRATION_LIMIT, per 10 min):
 * every browser test registers from 127.0.0.1, so the whole suite shares one budget.
 */
export const TEST_REGISTRATION_LIMIT = 200;

export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' } as const;

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** POST /token with client_secret_post. */
export function postToken(
  request: APIRequestContext,
  clientId: string,
  secret: string,
  extra = '',
) {
  return request.post('/token', {
    headers: FORM,
    data: `grant_type=client_credentials&client_id=${encodeURIComponent(clientId)}&client_secret=${encodeURIComponent(secret)}${extra}`,
  });
}

/** A fresh access token for a demo client. */
export async function tokenFor(
  request: APIRequestContext,
  clientId: string,
  secret: string,
  extra = '',
): Promise<string> {
  const res = await postToken(request, clientId, secret, extra);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

export function noStore(res: APIResponse) {
  expect(res.headers()['cache-control']).toBe('no-store');
  expect(res.headers()['pragma']).toBe('no-cache');
}

/** Asserts an OAuth error response: status, error code, no-store. */
export async function expectOAuthError(res: APIResponse, status: number, error: string) {
  expect(res.status(), await res.text()).toBe(status);
  expect(res.headers()['content-type']).toContain('application/json');
  const json = (await res.json()) as Record<string, unknown>;
  expect(json.error).toBe(error);
  expect(typeof json.error_description).toBe('string');
  return json;
}
