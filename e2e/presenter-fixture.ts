/**
 * Signs tests in as the instructor. The test server is started with {@link INSTRUCTOR_KEY}
 * (playwright.config.ts sets FLOWLAB_INSTRUCTOR_KEY), so a test can sign a browser context in
 * through the sign-in form's route, or get the instructor's token for HTTP calls.
 */
import {
  expect,
  test as base,
  type APIRequestContext,
  type BrowserContext,
} from '@playwright/test';

/** The instructor key of the test server. */
export const INSTRUCTOR_KEY =
  process.env.FLOWLAB_INSTRUCTOR_KEY || 'e2e-instructor-key-0123456789abcdef';

/** Signs the browser context in (the server sets the HttpOnly cookie in that context). */
export async function signInPresenter(
  context: BrowserContext,
  baseURL: string = base.info().project.use.baseURL!,
): Promise<void> {
  const res = await context.request.post('/present/session', {
    form: { key: INSTRUCTOR_KEY, next: '/present' },
    headers: { Origin: new URL(baseURL).origin },
    maxRedirects: 0,
  });
  expect(res.status(), await res.text()).toBe(303);
  expect(res.headers()['location']).toBe('/present');
  const cookies = await context.cookies(baseURL);
  expect(cookies.find((c) => c.name === 'flowlab_presenter')?.httpOnly).toBe(true);
}

/** The instructor's access token (client credentials grant, scope live:present). */
export async function instructorToken(request: APIRequestContext): Promise<string> {
  const res = await request.post('/token', {
    form: { grant_type: 'client_credentials', scope: 'live:present' },
    headers: {
      Authorization: `Basic ${Buffer.from(`instructor:${INSTRUCTOR_KEY}`).toString('base64')}`,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * `test` whose `page` and `context` are signed in as the presenter, plus `presenter`: an HTTP
 * client that sends the instructor's bearer token. Other contexts a test opens stay signed out.
 */
export const test = base.extend<{ presenter: APIRequestContext }>({
  context: async ({ context, baseURL }, provide) => {
    await signInPresenter(context, baseURL!);
    await provide(context);
  },
  presenter: async ({ playwright, request, baseURL }, provide) => {
    const token = await instructorToken(request);
    const client = await playwright.request.newContext({
      baseURL: baseURL!,
      extraHTTPHeaders: { Authorization: `Bearer ${token}` },
    });
    await provide(client);
    await client.dispose();
  },
});

export { expect };
