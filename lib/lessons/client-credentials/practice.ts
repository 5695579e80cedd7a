import type { StepId } from './steps';
import type { ScenarioId } from './scenarios';
import { arrangePractice } from '../arrange';
import type { PracticeQuestion } from '../types';

/**
 * Practice questions, easy to hard. The first five cover the topics every introduction to the
 * grant tests (purpose, HTTP method, the access_token field, form vs JSON body, secure
 * transport), corrected to RFC 6749 where common teaching material gets it wrong; the rest are
 * about what FlowLab's real server demonstrates.
 */
export const writtenPractice: readonly PracticeQuestion<StepId, ScenarioId>[] = [
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
      'Refresh tokens belong to other grants: for this one RFC 6749 §4.4.3 says a refresh token SHOULD NOT be included.',
      'So the answer is: an application obtains an access token for itself.',
    ],
    mistakes: [
      'Confusing it with user sign-in flows (password, authorization code).',
      'Believing this flow is built around refresh tokens.',
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
      'A successful token response (RFC 6749 §5.1) always contains access_token and token_type; expires_in is RECOMMENDED and scope is there when it differs from what was asked.',
      '"error" only appears in failed responses; "refresh_token" SHOULD NOT be issued by this grant (§4.4.3); "id_token" belongs to OpenID Connect sign-in, which involves a user.',
      'The request sends its credentials as body fields, as many examples do. RFC 6749 §2.3.1 marks that NOT RECOMMENDED: the default is an HTTP Basic Authorization header, which every server must support.',
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
      'The method is POST and grant_type=client_credentials is the correct value, so {a} and {d} are out.',
      'RFC 6749 §4.4.2 and Appendix B: the parameters are sent in the application/x-www-form-urlencoded format. FlowLab checks the Content-Type first and refuses anything else with 400 invalid_request; a server that read the body as a form anyway would find no grant_type and answer invalid_request too.',
      "{b} is tempting, because HTTP Basic is the client authentication every server MUST support (§2.3.1). But body parameters (client_id and client_secret as form fields) are an alternative a server MAY accept, and FlowLab's does, so a missing Basic header is not what breaks this request: the JSON body is. (§2.3.1 still marks body credentials NOT RECOMMENDED.)",
      'Fix: send grant_type=client_credentials as application/x-www-form-urlencoded, best with the credentials in a Basic header; client_id=abc123&client_secret=secret456 in the same form also works here, though NOT RECOMMENDED.',
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
        text: 'POST over HTTPS, with the credentials in an HTTP Basic Authorization header, and the server’s certificate verified.',
      },
      {
        id: 'b',
        text: 'POST over plain http:// with the credentials in a Basic header, because the call never leaves the company’s private network.',
      },
      {
        id: 'c',
        text: 'POST over HTTPS with the credentials in URL query parameters, because TLS encrypts the URL too.',
      },
      {
        id: 'd',
        text: 'POST over HTTPS with the credentials in a Basic header, but with certificate verification turned off (verify=False) so the staging server’s self-signed certificate works.',
      },
    ],
    answer: 'a',
    hint: 'Three things must all be right: an encrypted connection, to the real server, and a place for the secret that does not end up in logs.',
    solution: [
      'RFC 6749 §2.3.1 requires TLS for requests that carry a client password, with no exception for internal networks: anyone on the path (a misconfigured proxy, a compromised host) reads the secret otherwise ({b} is out).',
      'TLS does encrypt the URL on the wire, but URLs are written to server, proxy and tool logs and kept in histories; §2.3.1 says the credentials MUST NOT be included in the request URI ({c} is out).',
      'TLS without certificate verification protects against nobody: whoever intercepts the connection presents their own certificate and receives the secret. RFC 6749 §10.9: the client MUST validate the authorization server’s TLS certificate ({d} is out; give staging a trusted certificate instead).',
      'HTTP Basic over verified TLS is the method every server must support (§2.3.1). Body fields over TLS also reach the server, but §2.3.1 marks them NOT RECOMMENDED. {a} is the answer.',
    ],
    mistakes: [
      'Using http:// because "it is only an internal network".',
      'Putting the secret in the query string because "HTTPS encrypts it".',
      'Turning off certificate checks to get past a self-signed certificate, and shipping that setting.',
      'Believing the Authorization header is unsafe: over TLS it is the standard place for credentials.',
    ],
    stepId: 'send',
    scenario: 'valid',
  },
  {
    id: 'basic-vs-body',
    difficulty: 'hard',
    topic: 'Basic vs body client authentication',
    prompt:
      'A client puts its credentials BOTH in an Authorization: Basic header AND as client_id/client_secret form fields, with the same values. What does the server answer?',
    options: [
      { id: 'a', text: '200 with a token, because the credentials are valid in both places.' },
      {
        id: 'b',
        text: '400 invalid_request, because a client must use only one authentication method per request.',
      },
      {
        id: 'c',
        text: '401 invalid_client, because the server cannot tell which of the two credentials to check.',
      },
      {
        id: 'd',
        text: '200 with a token: the server uses the Authorization header and ignores the body fields, since the header takes precedence.',
      },
    ],
    answer: 'b',
    hint: 'RFC 6749 §2.3 says something about how many authentication methods a client may use in one request. Is breaking that rule a failed login, or a malformed request?',
    solution: [
      'Both methods exist on their own: HTTP Basic (client_secret_basic), which every server MUST support, and body fields (client_secret_post), which a server MAY support and §2.3.1 marks NOT RECOMMENDED.',
      'RFC 6749 §2.3: the client MUST NOT use more than one authentication method in each request. No precedence rule exists, so a server that silently picks one ({d}) or accepts matching values ({a}) hides a broken client.',
      'The credentials themselves may well be right, so this is not a failed authentication ({c}): the request breaks a rule of the protocol, which is invalid_request, answered with 400 (§5.2). FlowLab answers exactly that.',
    ],
    mistakes: [
      'Sending both "to be safe", or because a library adds the header while the code also fills the form.',
      'Thinking body credentials are forbidden: a server may accept them, though §2.3.1 marks them NOT RECOMMENDED.',
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
      'A client authenticates with an Authorization: Basic header. The request is well formed, but the secret is wrong. What must the server answer?',
    options: [
      { id: 'a', text: '400 invalid_request' },
      { id: 'b', text: '400 invalid_client, with no WWW-Authenticate header' },
      { id: 'c', text: '401 invalid_client, with a WWW-Authenticate: Basic header' },
      { id: 'd', text: '200 with a token that has fewer scopes' },
    ],
    answer: 'c',
    hint: 'First pick the error code (is the request malformed, or did the client fail to prove who it is?), then read what RFC 6749 §5.2 says about the status when the Authorization header was used.',
    solution: [
      'invalid_request means the request itself is malformed: a missing grant_type, a JSON body, a repeated parameter, two authentication methods. This request is well formed ({a} is out).',
      'invalid_client means client authentication failed: unknown client, wrong secret, no authentication, unsupported method (RFC 6749 §5.2). No token is issued at all ({d} is out).',
      '§5.2 answers errors with 400 unless it says otherwise; for invalid_client the server MAY answer 401, and MUST answer 401 with a WWW-Authenticate header matching the scheme when the client authenticated in the Authorization header. So with Basic it is {c}.',
      'With body credentials (NOT RECOMMENDED, §2.3.1) {b} would be allowed too. FlowLab answers 401 with WWW-Authenticate: Basic in every case, body credentials included; the wrong-secret scenario shows it with Basic.',
    ],
    mistakes: [
      'Expecting a token with reduced rights instead of an error.',
      'Treating every client error as invalid_request.',
      'Believing invalid_client is always 401: for body credentials 400 is the default.',
      'Not checking the status code, only the body.',
    ],
    stepId: 'validate',
    scenario: 'wrong-secret',
  },
  {
    id: 'no-refresh-token',
    difficulty: 'hard',
    topic: 'Refresh tokens in this grant',
    prompt:
      'Why does a client credentials token response normally contain no refresh_token, and what should the client do about it?',
    options: [
      {
        id: 'a',
        text: 'RFC 6749 forbids it (MUST NOT) for this grant, so a server that sends one is broken and the client must reject the whole response.',
      },
      {
        id: 'b',
        text: 'The client can get a new access token with its own credentials at any time, so RFC 6749 §4.4.3 says a refresh token SHOULD NOT be included; the client simply repeats the token request.',
      },
      {
        id: 'c',
        text: 'Tokens from this grant are long-lived by design, so they never need renewing and the client can keep one forever.',
      },
      {
        id: 'd',
        text: 'The client did not ask for one: it should add scope=offline_access to the token request to receive a refresh token.',
      },
    ],
    answer: 'b',
    hint: 'Think about what a refresh token saves a user from, whether a program needs saving from it, and how strong the RFC’s wording is.',
    solution: [
      'A refresh token lets a client get new access tokens without asking the user to sign in again. Here there is no user: the client can repeat the token request with its own credentials at any time, so a refresh token would only be a second long-lived credential to protect.',
      'RFC 6749 §4.4.3: a refresh token SHOULD NOT be included. SHOULD NOT is not MUST NOT: a server may still send one, and the client may ignore it, so rejecting the response ({a}) is wrong.',
      'The tokens do expire (expires_in), which rules out {c}. offline_access is an OpenID Connect scope for user sign-in ({d}). So {b}.',
    ],
    mistakes: [
      'Storing and waiting for a refresh token that never comes.',
      'Repeating "this grant never has a refresh token" as a rule: the RFC says SHOULD NOT.',
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
    hint: 'expires_in is a number of seconds counted from when the response was generated (RFC 6749 §5.1).',
    solution: [
      'expires_in is the lifetime in seconds from when the response was generated (RFC 6749 §5.1): 3600 means one hour. It is RECOMMENDED, not required, so a client must also cope with a response without it.',
      'The client keeps the token and reuses it until shortly before it expires, then repeats the token request.',
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
      'What is missing is permission: RFC 6750 §3.1 defines insufficient_scope, which the API SHOULD answer with 403, in a WWW-Authenticate header that MAY name the scope needed (FlowLab’s does: scope="data:read").',
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
      "FlowLab's access token is a JWT (RFC 9068). What do its aud and exp claims tell the API, and who must check them?",
    options: [
      {
        id: 'a',
        text: 'aud: which resource server the token is meant for; exp: the time after which it must be rejected. The API checks both, besides the signature.',
      },
      {
        id: 'b',
        text: 'aud: the client the token was issued to; exp: when the client should fetch a new token. Expiry is the client’s job, so the API need not check it.',
      },
      {
        id: 'c',
        text: 'aud: which API the token is for; exp: the expiry time in milliseconds since 1970, to compare with Date.now().',
      },
      {
        id: 'd',
        text: 'They are informational: a token whose signature verifies against the server’s key is valid for any API that trusts that server.',
      },
    ],
    answer: 'a',
    hint: 'Decode the token in step 4 and read the explanation next to each claim. Then ask what an attacker could do with a token issued for another API.',
    solution: [
      'aud (audience) names the resource server the token was issued for; RFC 9068 §4: the resource server MUST check that aud names it, and refuse tokens meant for someone else. The client is in client_id, not aud ({b} is out).',
      'exp is a NumericDate, seconds since 1970 (RFC 7519 §2), not milliseconds ({c} is out). RFC 9068 §4: the current time MUST be before exp, so the API checks it; after it the API answers 401 invalid_token.',
      'The signature proves who issued the token and that it was not changed; it does not say who it is for or until when. Without the aud check, any API trusting the same server accepts a token meant for another ({d} is out). So {a}.',
    ],
    mistakes: [
      'Checking only the signature and accepting tokens issued for another API.',
      'Reading exp in milliseconds.',
      'Leaving the expiry check to the client.',
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
      'RFC 6749 §5.2: unauthorized_client means the authenticated client is not authorized to use this grant type. Answer {a}.',
    ],
    mistakes: [
      'Reading every 4xx from /token as a wrong password.',
      'Confusing unsupported_grant_type (server-wide) with unauthorized_client (this client).',
    ],
    stepId: 'validate',
    scenario: 'not-allowed-grant',
  },
  {
    id: 'token-reuse',
    difficulty: 'hard',
    topic: 'Token reuse and renewal',
    prompt:
      'A service calls the API from 20 worker threads. Its token response said "expires_in": 3600. Which token strategy is right?',
    options: [
      {
        id: 'a',
        text: 'Keep one token in memory and reuse it until about a minute before it expires; when it must be renewed, one caller fetches the new token and the others wait for that result.',
      },
      {
        id: 'b',
        text: 'Reuse the token until the API answers 401, then let every thread that got the 401 request its own new token.',
      },
      { id: 'c', text: 'Request a fresh token before every API call, so none is ever expired.' },
      {
        id: 'd',
        text: 'Reuse the token and renew it exactly 3600 seconds after the request was sent, by the service’s own clock.',
      },
    ],
    answer: 'a',
    hint: 'Count the token requests each strategy makes, and ask what happens to a call made in the last second of the token’s life.',
    solution: [
      'expires_in counts from when the server generated the response (RFC 6749 §5.1). The request took time, the clocks of the service, the server and the API differ a little, and a call sent just before expiry may arrive just after it. So renew with a margin, not at the exact second ({d} is out).',
      'Waiting for a 401 makes one call per thread fail first, and 20 threads renewing at once send 20 token requests for one new token ({b} is out). A new token per call is correct but doubles every round trip and loads the authorization server ({c} is out).',
      'So {a}: one cached token, renewed shortly before expiry, by one caller at a time. Keep one retry after a 401 as a fallback: a token can also be revoked before it expires.',
    ],
    mistakes: [
      'Fetching a token for every request.',
      'Renewing at the last moment, with no margin for clock skew and network time.',
      'Letting every thread renew at once (a stampede on the token endpoint).',
    ],
    stepId: 'receive',
    scenario: 'expired-token',
  },
  {
    id: 'least-scope',
    difficulty: 'medium',
    topic: 'Least scope, granted scope',
    prompt:
      'A nightly export only reads data. Its client is allowed data:read and data:write. What should its token request do?',
    options: [
      {
        id: 'a',
        text: 'Ask for scope=data:read, and read the scope field of the response to see what was actually granted.',
      },
      {
        id: 'b',
        text: 'Leave scope out, so the server grants everything the client is allowed.',
      },
      {
        id: 'c',
        text: 'Ask for data:read data:write, in case a later version of the job needs to write.',
      },
      {
        id: 'd',
        text: 'Ask for scope=data:read and, since the answer is 200, assume the token carries exactly that.',
      },
    ],
    answer: 'a',
    hint: 'What can a leaked token do, and does a 200 promise that you got everything you asked for?',
    solution: [
      'A token should carry only what the job needs: a leaked data:read token cannot change anything. So ask for the least scope ({c} is out).',
      'Leaving scope out does not mean "everything": RFC 6749 §3.3 lets the server apply a default of its own choosing or refuse with invalid_scope ({b} is out). FlowLab applies the client’s registered default.',
      'The server may grant less than asked; then §3.3 says the response MUST include the scope actually granted. So read it instead of assuming ({d} is out). {a} is the answer. FlowLab refuses a scope the client may not have with invalid_scope instead of granting less.',
    ],
    mistakes: [
      'Requesting every scope the client is allowed "just in case".',
      'Ignoring the scope field of the response.',
      'Believing that no scope parameter means all scopes.',
    ],
    stepId: 'issue',
    scenario: 'insufficient-scope',
  },
  {
    id: 'confidential-client',
    difficulty: 'medium',
    topic: 'Confidential clients only',
    prompt: 'Which of these programs may use the client credentials grant?',
    options: [
      {
        id: 'a',
        text: 'A billing service on the company’s servers, whose secret is kept in a secret manager.',
      },
      {
        id: 'b',
        text: 'A single-page web app, with the secret injected into the JavaScript bundle from an environment variable at build time.',
      },
      { id: 'c', text: 'A mobile app, with the secret obfuscated inside the app binary.' },
      {
        id: 'd',
        text: 'A desktop tool installed on every employee’s laptop, with the secret in its config file.',
      },
    ],
    answer: 'a',
    hint: 'RFC 6749 §4.4 allows this grant for one kind of client only; §2.1 defines the two kinds. Who can read the secret in each option?',
    solution: [
      'RFC 6749 §4.4: the client credentials grant MUST only be used by confidential clients.',
      '§2.1: a confidential client can keep its credentials confidential, for example a client on a secure server with restricted access. A public client cannot: its code runs on the user’s device, like a browser app or an installed native app.',
      'A build-time variable ends up in the bundle every visitor downloads ({b}), obfuscation slows a reader down but does not hide the secret ({c}), and a config file on every laptop is readable by everyone who has one ({d}). Only {a} keeps the secret on a server.',
    ],
    mistakes: [
      'Believing an environment variable keeps a secret safe even when it is baked into front-end code.',
      'Trusting obfuscation to hide a secret in a mobile app.',
      'Using this grant in an app that acts for a person; that needs a user-facing flow (authorization code with PKCE).',
    ],
    stepId: 'prepare',
    scenario: 'valid',
  },
  {
    id: 'discovery',
    difficulty: 'medium',
    topic: 'Discovery (RFC 8414)',
    prompt:
      'Your client has to find the token endpoint of the authorization server whose issuer is https://auth.example.com. Where does it look?',
    options: [
      {
        id: 'a',
        text: 'GET https://auth.example.com/.well-known/oauth-authorization-server, check that its issuer is https://auth.example.com, and read token_endpoint.',
      },
      {
        id: 'b',
        text: 'GET https://auth.example.com/.well-known/jwks.json, which lists the server’s endpoints.',
      },
      {
        id: 'c',
        text: 'Nowhere: assume https://auth.example.com/oauth/token, the path most servers use.',
      },
      {
        id: 'd',
        text: 'GET https://auth.example.com/.well-known/oauth-protected-resource and read token_endpoint there.',
      },
    ],
    answer: 'a',
    hint: 'RFC 8414 defines a well-known URI for the authorization server’s own metadata. The other well-known documents describe something else.',
    solution: [
      'RFC 8414 §3: the authorization server metadata is at /.well-known/oauth-authorization-server, placed between the issuer’s host and its path if it has one (for https://auth.example.com, simply https://auth.example.com/.well-known/oauth-authorization-server), and holds token_endpoint, token_endpoint_auth_methods_supported and more. §3.3: the issuer in the document MUST be identical to the issuer the client used, or the client must not use the metadata. RFC 9700 §2.6 recommends that servers publish it.',
      'The JWKS document holds public keys only, for checking token signatures ({b}). Paths differ between servers, so guessing breaks ({c}). /.well-known/oauth-protected-resource (RFC 9728) describes a protected resource and names its authorization_servers, not their endpoints ({d}).',
      'So {a}. FlowLab serves its metadata at /.well-known/oauth-authorization-server; open it and compare token_endpoint with the URL this lesson sends to.',
    ],
    mistakes: [
      'Hard-coding endpoint URLs copied from documentation.',
      'Using the metadata without checking that its issuer matches.',
      'Confusing the JWKS or the protected resource metadata with the authorization server metadata.',
    ],
    stepId: 'send',
  },
  {
    id: 'rate-limit',
    difficulty: 'hard',
    topic: '429 and Retry-After',
    prompt:
      'After several failed attempts, POST /token answers 429 Too Many Requests with Retry-After: 42. What should the client do?',
    options: [
      {
        id: 'a',
        text: 'Send no token request for at least 42 seconds, then retry with backoff (longer waits after each failure, with some randomness), and alert someone if the secret itself is wrong.',
      },
      {
        id: 'b',
        text: 'Retry at once in a loop until it gets a 200: 429 is a temporary error.',
      },
      {
        id: 'c',
        text: 'Wait 42 milliseconds, then retry.',
      },
      {
        id: 'd',
        text: 'Switch from Basic to body credentials, because the limit applies to one authentication method.',
      },
    ],
    answer: 'a',
    hint: 'Retry-After says how long, in which unit? And will retrying ever fix a wrong secret?',
    solution: [
      '429 (RFC 6585 §4) means the client sent too many requests; the server MAY say in Retry-After how long to wait, in seconds or as an HTTP date (RFC 9110 §10.2.3). 42 means 42 seconds ({c} is out).',
      'Retrying in a loop meets 429 after 429, loads the server, and with a wrong secret locks the client out again as soon as the window ends ({b}); the limit is on the client, not on how it authenticates, and body credentials are NOT RECOMMENDED anyway ({d}, §2.3.1). RFC 6749 §2.3.1 requires servers to protect password authentication against brute force, which is what this limit does.',
      'So {a}. FlowLab locks a caller out of a client after 10 wrong secrets in 60 seconds and then answers 429 to every request of that caller for that client (sent the way the client authenticates) for the rest of the window, right secret or not, so a guesser learns nothing; the client’s owner, calling from elsewhere, is not locked out. (The demo clients, whose secrets are public, are exempt, so a room can replay the error scenarios; lockout-demo and your own registered client are not.) A wrong secret never fixes itself: a person must.',
    ],
    mistakes: [
      'Retrying immediately, in a tight loop.',
      'Reading Retry-After as milliseconds.',
      'Treating a lockout as a network glitch instead of a sign that the secret is wrong or leaked.',
    ],
    stepId: 'validate',
  },
  {
    id: 'tls-api-call',
    difficulty: 'easy',
    topic: 'TLS on the API call',
    prompt:
      'The token request went over HTTPS. May the service call the API with the Bearer token over plain http:// inside the cluster?',
    options: [
      {
        id: 'a',
        text: 'No: anyone who sees a bearer token can use it, so every request carrying one must use TLS.',
      },
      { id: 'b', text: 'Yes: the token is signed, so nobody can misuse it.' },
      { id: 'c', text: 'Yes: the token expires within the hour anyway.' },
      { id: 'd', text: 'Yes, as long as the token is in a header and not in the URL.' },
    ],
    answer: 'a',
    hint: 'What does "bearer" mean: who may use the token?',
    solution: [
      'A bearer token works for whoever holds it, with no further proof (RFC 6750 §1.2).',
      'RFC 6750 §5.3: clients MUST always use TLS (https) when making requests with bearer tokens. The signature stops changes to the token, not its theft; an hour is plenty of time to misuse it; a header is just as readable as a URL on an unencrypted connection.',
      'So {a}: TLS on the token request and on every API call.',
    ],
    mistakes: [
      'Protecting the token request but not the API calls.',
      'Believing a signed token cannot be replayed by someone else.',
    ],
    stepId: 'call-api',
    scenario: 'valid',
  },
  {
    id: 'asymmetric-auth',
    difficulty: 'medium',
    topic: 'Asymmetric client authentication',
    prompt:
      'Your security team asks for stronger client authentication than a client secret. What does RFC 9700 (OAuth 2.0 Security Best Current Practice) recommend?',
    options: [
      {
        id: 'a',
        text: 'Asymmetric cryptography: a JWT assertion signed with the client’s private key (private_key_jwt) or mutual TLS, so the server stores only a public key.',
      },
      { id: 'b', text: 'A longer client secret, rotated every 90 days.' },
      {
        id: 'c',
        text: 'Switching from body credentials to HTTP Basic, which encrypts the secret.',
      },
      {
        id: 'd',
        text: 'client_secret_jwt: a JWT signed (HMAC) with the shared client secret.',
      },
    ],
    answer: 'a',
    hint: 'The question is not how long the shared secret is, but whether there is a shared secret at all.',
    solution: [
      'RFC 9700 §2.5 recommends asymmetric cryptography for client authentication, such as mutual TLS (RFC 8705) or signed JWTs (RFC 7523, the private_key_jwt method): the authorization server no longer stores a secret that could leak.',
      'A longer, rotated secret is still a shared secret ({b}); Basic is the better of the two secret methods (body credentials are NOT RECOMMENDED, RFC 6749 §2.3.1), but it only base64-encodes the secret, TLS does the encrypting ({c}); client_secret_jwt signs with the same shared secret, so the server still stores it ({d}).',
      'So {a}. FlowLab’s demo clients use secrets because the lesson’s examples do; a later FlowLab lesson teaches private_key_jwt.',
    ],
    mistakes: [
      'Believing Basic authentication encrypts the secret.',
      'Treating an HMAC-signed assertion as asymmetric.',
    ],
    stepId: 'send',
    scenario: 'valid',
  },
];

/** The questions as learners see them (options in their shown order, see `arrangePractice`). */
export const practice = arrangePractice(writtenPractice);
