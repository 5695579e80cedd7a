import { expect, test } from '@playwright/test';
import { FORM } from './http-support';

/** Whatever a client sends, the answer is never a 5xx. */
const hostile: {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  data?: string | Buffer;
}[] = [
  {
    name: 'huge form body',
    method: 'POST',
    path: '/token',
    headers: FORM,
    data: `grant_type=client_credentials&x=${'a'.repeat(2_000_000)}`,
  },
  {
    name: 'binary garbage',
    method: 'POST',
    path: '/token',
    headers: FORM,
    data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151) % 256)),
  },
  {
    name: 'bad percent-escapes',
    method: 'POST',
    path: '/token',
    headers: FORM,
    data: '%%%&grant_type=%E0%A4%A&client_id=%',
  },
  {
    name: 'content type with junk',
    method: 'POST',
    path: '/token',
    headers: { 'Content-Type': ';;;=/' },
    data: 'grant_type=client_credentials',
  },
  {
    name: 'multipart',
    method: 'POST',
    path: '/token',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    data: '--x\r\n\r\n--x--',
  },
  {
    name: 'xml',
    method: 'POST',
    path: '/token',
    headers: { 'Content-Type': 'application/xml' },
    data: '<a/>',
  },
  { name: 'no content type, empty body', method: 'POST', path: '/token' },
  { name: 'HEAD /token', method: 'HEAD', path: '/token' },
  {
    name: 'PUT /token',
    method: 'PUT',
    path: '/token',
    headers: FORM,
    data: 'grant_type=client_credentials',
  },
  { name: 'DELETE /token', method: 'DELETE', path: '/token' },
  { name: 'OPTIONS /token', method: 'OPTIONS', path: '/token' },
  {
    name: 'very long Basic header',
    method: 'POST',
    path: '/token',
    headers: { ...FORM, Authorization: `Basic ${'QUFB'.repeat(1000)}` },
    data: 'grant_type=client_credentials',
  },
  {
    name: 'Basic with non-UTF-8 bytes',
    method: 'POST',
    path: '/token',
    headers: {
      ...FORM,
      Authorization: `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x80]).toString('base64')}`,
    },
    data: 'grant_type=client_credentials',
  },
  {
    name: 'unicode everywhere',
    method: 'POST',
    path: '/token',
    headers: FORM,
    data: 'grant_type=%F0%9F%94%91&client_id=%E2%9C%93&client_secret=%F0%9F%98%80&scope=%C3%A9',
  },
  {
    name: 'API: bearer with a huge token',
    method: 'GET',
    path: '/api/data',
    headers: { Authorization: `Bearer ${'a'.repeat(6000)}.${'b'.repeat(6000)}.c` },
  },
  {
    name: 'API: JSON junk in a JWT shape',
    method: 'GET',
    path: '/api/data',
    headers: {
      Authorization: `Bearer ${Buffer.from('[1,2]').toString('base64url')}.${Buffer.from('null').toString('base64url')}.AA`,
    },
  },
  { name: 'API: PUT', method: 'PUT', path: '/api/data', data: 'x' },
  { name: 'API: DELETE', method: 'DELETE', path: '/api/data' },
  { name: 'API: HEAD', method: 'HEAD', path: '/api/data' },
  {
    name: 'introspect binary',
    method: 'POST',
    path: '/introspect',
    headers: FORM,
    data: Buffer.from([0, 1, 2, 255, 254]),
  },
  {
    name: 'revoke with a JSON body',
    method: 'POST',
    path: '/revoke',
    headers: { 'Content-Type': 'application/json' },
    data: '{"token":1}',
  },
];

for (const c of hostile) {
  test(`no 5xx: ${c.name}`, async ({ request }) => {
    const res = await request.fetch(c.path, { method: c.method, headers: c.headers, data: c.data });
    expect(res.status(), `${c.method} ${c.path}`).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
  });
}
