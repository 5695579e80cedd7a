/** Important notes: the rules a learner must leave with. */
export const notes: readonly string[] = [
  'Keep the client secret safe: store it in a secret manager or an environment variable on the server, never in source control, logs, a URL, or code that runs in a browser. Anyone holding it can obtain tokens as your application.',
  'Access tokens expire: the response says how many seconds the token lives (expires_in). There is no refresh token in this grant, so when the token expires (or shortly before), the client simply repeats the token request with its credentials.',
  'This flow has no user login, so it belongs to server-to-server communication: back-end services, jobs and daemons that can keep a secret. Apps that act for a person use a user-facing flow (authorization code with PKCE) instead.',
  'Always talk to the token endpoint over HTTPS (TLS): the credentials travel with every token request. HTTP Basic in the Authorization header is the client authentication every server must support (RFC 6749 §2.3.1); form fields in the POST body are the optional alternative. Never put the secret in the query string.',
  'Treat the token itself as a secret too: send it only in the Authorization: Bearer header, never log it, and do not cache token responses (the server marks them Cache-Control: no-store).',
];

/** Summary: the lesson in three sentences. */
export const summaryPoints: readonly string[] = [
  'The client credentials flow lets an application obtain an access token by proving its own identity.',
  'It is used when no user is involved, such as a backend service calling an API.',
  'The client sends its client ID and secret to the token endpoint, receives an access token, and presents it as a Bearer token to the protected API.',
];
