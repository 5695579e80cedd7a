import type { PracticeQuestion } from '../types';

/**
 * Practice questions, easy to hard. The first five cover the topics every introduction to the
 * grant tests (purpose, HTTP method, the access_token field, form vs JSON body, secure
 * transport), corrected to RFC 6749 where common teaching material gets it wrong; the rest are
 * about what FlowLab's real server demonstrates.
 */
export const practice: readonly PracticeQuestion[] = [
  {
    id: 'purpose',
    difficulty: 'easy',
    topic: 'Purpose of the flow',
    prompt: 'What is the client credentials flow for?',
    options: [
      {
        id: 'a',
        text: 'Letting an application obtain an access token by proving its own identity, with no user involved.',
      },
      { id: 'b', text: 'Signing a user in with their username and password.' },
      {
        id: 'c',
        text: 'Exchanging a refresh token for a new access token when the old one expires.',
      },
      { id: 'd', text: 'Letting people log in with a social media account.' },
    ],
    answer: 'a',
    hint: 'Ask who is proving their identity here: a person, or the program itself?',
    solution: [
      'The grant is named after what the client presents: its own credentials (client_id and client_secret).',
      'No person signs in at any point, so options about users, passwords or social login describe other flows.',
      'Refresh tokens belong to other grants; this one does not issue them (RFC 6749 §4.4.3).',
      'So the answer is: an application obtains an access token for itself.',
    ],
    mistakes: [
      'Confusing it with user sign-in flows (password, authorization code).',
      'Believing refresh tokens are part of this flow.',
      'Mixing it up with social login, which is about people.',
    ],
    stepId: 'prepare',
    scenario: 'valid',
  },
  {
    id: 'http-method',
    difficulty: 'easy',
    topic: 'HTTP method',
    prompt: 'Which HTTP method does a client use to request an access token at the token endpoint?',
    options: [
      { id: 'a', text: 'GET' },
      { id: 'b', text: 'POST' },
      { id: 'c', text: 'PUT' },
      { id: 'd', text: 'DELETE' },
    ],
    answer: 'b',
    hint: 'The request carries credentials and parameters in a body, and RFC 6749 §3.2 names one method for the token endpoint.',
    solution: [
      'RFC 6749 §3.2: the client MUST use HTTP POST when making token requests.',
      'POST carries the parameters in the body, so they do not end up in URLs, server logs or browser history as a GET query would.',
      'PUT and DELETE are for replacing and removing resources, not for asking for a token.',
      "So the answer is POST (FlowLab's /token answers anything else with 405 and Allow: POST).",
    ],
    mistakes: [
      'Using GET and putting the secret in the URL, where logs and proxies keep it.',
      'Picking PUT or DELETE by analogy with "creating" or "removing" a token.',
      'Leaving the credentials out of the request entirely.',
    ],
    stepId: 'send',
    scenario: 'valid',
  },
  {
    id: 'access-token-field',
    difficulty: 'medium',
    topic: 'The access_token field',
    prompt:
      'The client sends this request and it succeeds. Which field of the JSON response holds the token to send to the API?',
    code: 'POST /token HTTP/1.1\nHost: localhost\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&client_id=abc123&client_secret=secret456',
    options: [
      { id: 'a', text: '"error"' },
      { id: 'b', text: '"refresh_token"' },
      { id: 'c', text: '"id_token"' },
      { id: 'd', text: '"access_token"' },
    ],
    answer: 'd',
    hint: 'Look at the response of step 4: the field named after what it carries.',
    solution: [
      'A successful token response (RFC 6749 §5.1) contains access_token, token_type, usually expires_in, and scope.',
      '"error" only appears in failed responses; "refresh_token" is not issued by this grant; "id_token" belongs to OpenID Connect sign-in, which involves a user.',
      'So the token is in "access_token", used as Authorization: Bearer <access_token>.',
    ],
    mistakes: [
      'Expecting a refresh token from the client credentials flow.',
      'Confusing an OpenID Connect id_token with an access token.',
      'Reading a response with an "error" field as a success.',
    ],
    stepId: 'issue',
    scenario: 'valid',
  },
  {
    id: 'json-body',
    difficulty: 'medium',
    topic: 'Form body, not JSON',
    prompt: 'This token request fails with 400 invalid_request. What is the cause?',
    code: 'POST /token HTTP/1.1\nHost: localhost\nContent-Type: application/json\n\n{"grant_type":"client_credentials","client_id":"abc123","client_secret":"secret456"}',
    options: [
      { id: 'a', text: 'It uses GET instead of POST.' },
      { id: 'b', text: 'It has no Authorization header with HTTP Basic credentials.' },
      {
        id: 'c',
        text: 'The body is JSON; token requests must be application/x-www-form-urlencoded.',
      },
      { id: 'd', text: 'The grant_type value is wrong.' },
    ],
    answer: 'c',
    hint: 'Compare the Content-Type header with the format RFC 6749 §4.4.2 requires for the request parameters.',
    solution: [
      'The method is POST and grant_type=client_credentials is the correct value, so A and D are out.',
      'RFC 6749 §4.4.2 and Appendix B: the parameters are sent in the application/x-www-form-urlencoded format. A server does not parse JSON here, so it sees no grant_type at all and answers invalid_request.',
      "B is tempting, because HTTP Basic is the client authentication every server MUST support (§2.3.1). But body parameters (client_id and client_secret as form fields) are an allowed alternative that FlowLab's server accepts, so a missing Basic header is not what breaks this request: the JSON body is.",
      'Fix: send grant_type=client_credentials&client_id=abc123&client_secret=secret456 with Content-Type: application/x-www-form-urlencoded (or put the credentials in a Basic header).',
    ],
    mistakes: [
      'Sending JSON because the response is JSON.',
      'Forgetting the Content-Type header altogether.',
      'Thinking Basic authentication is the only accepted way, and "fixing" the wrong thing.',
    ],
    stepId: 'send',
    scenario: 'json-body',
  },
  {
    id: 'secure-transport',
    difficulty: 'hard',
    topic: 'Sending credentials securely',
    prompt:
      'A backend service must obtain a token with its client ID and secret. Which is the best practice?',
    options: [
      {
        id: 'a',
        text: 'POST over HTTPS, with the credentials in an HTTP Basic Authorization header (or, if the server supports it, as form fields in the body).',
      },
      {
        id: 'b',
        text: 'POST over plain http:// with the credentials in an HTTP header, since headers are not shown in the address bar.',
      },
      { id: 'c', text: 'Put the credentials in URL query parameters of an HTTPS request.' },
      {
        id: 'd',
        text: "Ship the secret in the web page's JavaScript and request the token from the browser.",
      },
    ],
    answer: 'a',
    hint: 'Two things must both be right: an encrypted connection, and a place for the secret that is not a URL nor a public file.',
    solution: [
      'RFC 6749 §2.3.1 requires TLS for requests that carry a client password: without HTTPS anyone on the path reads the secret, header or not (B is out).',
      'The same section forbids putting the credentials in the request URI: URLs are logged by servers and proxies (C is out).',
      'A secret shipped to browsers is not a secret; this flow is for confidential, server-side clients (D is out).',
      'HTTP Basic over TLS is the method every server must support; body fields over TLS are the optional alternative. Both are fine: A is the answer.',
    ],
    mistakes: [
      'Using http:// because "it is only an internal network".',
      'Putting the secret in the query string.',
      'Believing the Authorization header is unsafe: over TLS it is the standard place for credentials.',
      'Running this flow from front-end code.',
    ],
    stepId: 'send',
    scenario: 'valid',
  },
  {
    id: 'basic-vs-body',
    difficulty: 'medium',
    topic: 'Basic vs body client authentication',
    prompt:
      'A client puts its credentials BOTH in an Authorization: Basic header AND as client_id/client_secret form fields. What does the server answer?',
    options: [
      { id: 'a', text: '200 with a token, because the credentials are valid in both places.' },
      {
        id: 'b',
        text: '400 invalid_request, because a client must use only one authentication method per request.',
      },
      { id: 'c', text: '401 invalid_client, because body credentials are never allowed.' },
      { id: 'd', text: '403 insufficient_scope.' },
    ],
    answer: 'b',
    hint: 'RFC 6749 §2.3 says something about how many authentication methods a client may use in one request.',
    solution: [
      'Both methods are legitimate on their own: HTTP Basic (client_secret_basic, which servers MUST support) and body fields (client_secret_post, optional).',
      'RFC 6749 §2.3: the client MUST NOT use more than one authentication method in each request.',
      'The request is malformed rather than unauthenticated, so the error is 400 invalid_request.',
    ],
    mistakes: [
      'Sending both "to be safe".',
      'Thinking body credentials are forbidden: they are allowed, just not the method every server must support.',
      'Expecting invalid_client, which is about who the client is, not the shape of the request.',
    ],
    stepId: 'validate',
    scenario: 'credentials-twice',
  },
  {
    id: 'invalid-client-vs-request',
    difficulty: 'medium',
    topic: 'invalid_client vs invalid_request',
    prompt:
      'A request has the right shape, but client_secret is wrong. Which error does the server return?',
    options: [
      { id: 'a', text: '400 invalid_request' },
      { id: 'b', text: '400 unsupported_grant_type' },
      { id: 'c', text: '401 invalid_client' },
      { id: 'd', text: '200 with a token that has fewer scopes' },
    ],
    answer: 'c',
    hint: 'Which error code is about the client failing to prove who it is, rather than about a malformed request?',
    solution: [
      'invalid_request means the request itself is malformed: a missing grant_type, a JSON body, a repeated parameter, two auth methods.',
      'invalid_client means client authentication failed: unknown client, wrong secret, or no authentication (RFC 6749 §5.2). It is answered with 401, and with a WWW-Authenticate challenge when Basic was used.',
      'A wrong secret is an authentication failure, so: 401 invalid_client, and no token at all.',
    ],
    mistakes: [
      'Expecting a token with reduced rights instead of an error.',
      'Treating every client error as invalid_request.',
      'Not checking the status code, only the body.',
    ],
    stepId: 'validate',
    scenario: 'wrong-secret',
  },
  {
    id: 'no-refresh-token',
    difficulty: 'hard',
    topic: 'No refresh token',
    prompt: 'Why does a client credentials token response contain no refresh_token?',
    options: [
      { id: 'a', text: 'Because the server forgot to include it; the client should ask for one.' },
      {
        id: 'b',
        text: 'Because the client can always get a new access token with its own credentials, so a refresh token would add a second long-lived secret for nothing.',
      },
      { id: 'c', text: 'Because access tokens from this flow never expire.' },
      { id: 'd', text: 'Because refresh tokens only work with JSON requests.' },
    ],
    answer: 'b',
    hint: 'Think about what a refresh token saves a user from, and whether a program needs saving from it.',
    solution: [
      'Refresh tokens let a client get new access tokens without asking the user to sign in again.',
      'Here there is no user: the client can repeat the token request with its client_id and secret at any time.',
      'RFC 6749 §4.4.3: a refresh token SHOULD NOT be included. So B; the tokens do expire (expires_in), which rules out C.',
    ],
    mistakes: [
      'Storing and waiting for a refresh token that never comes.',
      'Assuming tokens from this flow are permanent.',
    ],
    stepId: 'issue',
    scenario: 'valid',
  },
  {
    id: 'expires-in',
    difficulty: 'easy',
    topic: 'expires_in and asking again',
    prompt: 'The token response says "expires_in": 3600. What should the client do?',
    options: [
      {
        id: 'a',
        text: 'Reuse the token for about an hour, then request a new one with its credentials.',
      },
      { id: 'b', text: 'Request a new token before every single API call.' },
      { id: 'c', text: 'Keep using the token forever; expiry is only advisory.' },
      { id: 'd', text: 'Ask the API to extend the token.' },
    ],
    answer: 'a',
    hint: 'expires_in is a number of seconds counted from when the token was issued.',
    solution: [
      'expires_in is the lifetime in seconds (RFC 6749 §5.1): 3600 means one hour.',
      'The client caches the token and reuses it until it (nearly) expires, then repeats the token request.',
      'After expiry the API rejects the token with 401 invalid_token, as the expired-token scenario shows. A new token per call works but wastes a round trip and loads the server.',
    ],
    mistakes: [
      'Fetching a token for every request.',
      'Never renewing, and failing with 401 after an hour.',
      'Reading expires_in as milliseconds or as a date.',
    ],
    stepId: 'receive',
    scenario: 'expired-token',
  },
  {
    id: 'insufficient-scope',
    difficulty: 'hard',
    topic: '403 insufficient_scope',
    prompt:
      'reporting-bot gets a valid token with scope "reports:read" and calls GET /api/data, which needs data:read. What does the API answer?',
    options: [
      { id: 'a', text: '401 invalid_token, because the token is bad.' },
      {
        id: 'b',
        text: '403 with error="insufficient_scope": the token is valid but does not grant data:read.',
      },
      { id: 'c', text: '200, because any valid token is enough.' },
      { id: 'd', text: '400 invalid_client.' },
    ],
    answer: 'b',
    hint: 'The token passes every check but one. Is that an authentication problem or a permission problem?',
    solution: [
      'The token is genuine: signature, issuer, audience and expiry all check out, so invalid_token (401) does not apply.',
      'What is missing is permission: RFC 6750 §3.1 defines insufficient_scope, answered with 403 and a WWW-Authenticate header naming the scope needed.',
      'Fix: the client must be allowed data:read and ask for it (scope=data:read) in the token request.',
    ],
    mistakes: [
      'Confusing 401 (who are you?) with 403 (you may not do this).',
      'Retrying with the same token, or a new token with the same scope.',
    ],
    stepId: 'call-api',
    scenario: 'insufficient-scope',
  },
  {
    id: 'no-store',
    difficulty: 'medium',
    topic: 'Cache-Control: no-store',
    prompt: 'Why does the token response carry Cache-Control: no-store?',
    options: [
      { id: 'a', text: 'To make the response faster.' },
      { id: 'b', text: 'So that no browser or proxy cache keeps a copy of the access token.' },
      { id: 'c', text: 'Because JSON responses cannot be cached.' },
      { id: 'd', text: 'To tell the client not to store the token in memory.' },
    ],
    answer: 'b',
    hint: 'The response body contains a credential. Who else besides the client might keep a copy?',
    solution: [
      'The response carries a live credential, the access token.',
      'RFC 6749 §5.1 requires Cache-Control: no-store (and Pragma: no-cache) on token responses, so intermediaries and caches do not store it.',
      'It does not forbid the client itself from keeping the token for reuse: that is expected.',
    ],
    mistakes: [
      'Thinking it tells the client not to keep the token.',
      'Omitting the header in a self-made token endpoint.',
    ],
    stepId: 'issue',
    scenario: 'valid',
  },
  {
    id: 'jwt-aud-exp',
    difficulty: 'hard',
    topic: 'aud and exp in the JWT',
    prompt:
      "FlowLab's access token is a JWT (RFC 9068). What do its aud and exp claims tell the API?",
    options: [
      {
        id: 'a',
        text: 'aud: which API the token is meant for; exp: the time after which it must be rejected.',
      },
      { id: 'b', text: "aud: the client's name; exp: the client secret's expiry date." },
      { id: 'c', text: 'aud: the user who approved the token; exp: how many API calls remain.' },
      { id: 'd', text: 'They are decoration; only the signature matters.' },
    ],
    answer: 'a',
    hint: 'Decode the token in step 4 and read the explanation next to each claim.',
    solution: [
      'aud (audience) names the resource server the token was issued for; an API must refuse tokens meant for someone else (RFC 9068 §4).',
      'exp is a time in seconds since 1970; after it, the token is expired and the API answers 401 invalid_token.',
      'The signature proves who issued the token and that it was not changed; it does not say who it is for or for how long. So all three are checked, and the answer is A.',
    ],
    mistakes: [
      'Checking only the signature and accepting tokens issued for another API.',
      'Reading exp in milliseconds.',
      'Thinking a tampered token with a valid-looking payload still passes: the signature check fails.',
    ],
    stepId: 'issue',
    scenario: 'tampered-token',
  },
  {
    id: 'unauthorized-client',
    difficulty: 'hard',
    topic: 'unauthorized_client',
    prompt:
      'legacy-portal authenticates with the correct secret, but it is registered only for other grant types. What does POST /token answer?',
    options: [
      {
        id: 'a',
        text: '400 unauthorized_client: the client is genuine but not allowed to use this grant.',
      },
      { id: 'b', text: '401 invalid_client, because the secret must be wrong.' },
      {
        id: 'c',
        text: '400 unsupported_grant_type, because the server does not know client_credentials.',
      },
      { id: 'd', text: '200 with a token.' },
    ],
    answer: 'a',
    hint: 'Authentication succeeded. What is left to check is whether this client may use this grant.',
    solution: [
      'The secret matches, so it is not invalid_client.',
      'The server does support client_credentials (other clients get tokens), so it is not unsupported_grant_type.',
      'RFC 6749 §5.2: unauthorized_client means the authenticated client is not authorized to use this grant type. Answer A.',
    ],
    mistakes: [
      'Reading every 4xx from /token as a wrong password.',
      'Confusing unsupported_grant_type (server-wide) with unauthorized_client (this client).',
    ],
    stepId: 'validate',
    scenario: 'not-allowed-grant',
  },
];
