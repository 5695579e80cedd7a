import type { ScenarioId } from './scenarios';
import type { StepId } from './steps';
import { arrangePractice } from '../arrange';
import type { PracticeQuestion } from '../types';

/**
 * Practice questions on private_key_jwt client authentication, easy to hard. Each fact is from
 * RFC 7523 (§2.2 parameters, §3 claims and processing, §3.2 errors), RFC 7521 §4.2, RFC 7591 and
 * RFC 9700 §2.5.
 */
export const writtenPractice: readonly PracticeQuestion<StepId, ScenarioId>[] = [
  {
    id: 'what-travels',
    difficulty: 'easy',
    topic: 'What replaces the secret',
    prompt:
      'With private_key_jwt, what does the client send to the token endpoint instead of a client secret?',
    options: [
      { id: 'a', text: 'A short-lived JWT it signed with its private key (the client assertion).' },
      { id: 'b', text: 'Its private key, so the server can check it.' },
      { id: 'c', text: 'Its public key in an Authorization: Basic header.' },
      { id: 'd', text: 'Nothing: the server recognises the client by its IP address.' },
    ],
    answer: 'a',
    hint: 'Which of these could be sent without giving away anything that signs?',
    solution: [
      'The client signs a JWT (iss, sub, aud, exp, jti) with its private key.',
      'It sends the JWT as client_assertion with client_assertion_type urn:ietf:params:oauth:client-assertion-type:jwt-bearer (RFC 7523 §2.2).',
      'The private key never travels; the public key was registered once, beforehand.',
    ],
    mistakes: [
      'Thinking the private key is sent: then it would be a shared secret again.',
      'Thinking the public key authenticates: anyone may know a public key.',
    ],
    stepId: 'sign',
  },
  {
    id: 'server-stores',
    difficulty: 'easy',
    topic: 'What the server stores',
    prompt: 'What does the authorization server need to store to verify a private_key_jwt client?',
    options: [
      { id: 'a', text: 'The client’s public key (for example in its registered jwks).' },
      { id: 'b', text: 'The client’s private key.' },
      { id: 'c', text: 'A hash of the client’s private key.' },
      { id: 'd', text: 'Every assertion the client will ever send.' },
    ],
    answer: 'a',
    hint: 'A signature is checked with the other half of the key pair.',
    solution: [
      'A signature made with the private key verifies with the matching public key.',
      'So the server keeps only the public key (RFC 7591 client metadata jwks or jwks_uri; FlowLab takes jwks by value).',
      'This is why RFC 9700 §2.5 recommends asymmetric client authentication: the server does not need to store sensitive symmetric keys.',
    ],
    mistakes: ['Assuming the server must hold what the client holds, as with a secret.'],
    stepId: 'register',
  },
  {
    id: 'assertion-type',
    difficulty: 'easy',
    topic: 'client_assertion_type',
    prompt: 'Which client_assertion_type value goes with a JWT client assertion?',
    options: [
      { id: 'a', text: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' },
      { id: 'b', text: 'urn:ietf:params:oauth:grant-type:jwt-bearer' },
      { id: 'c', text: 'private_key_jwt' },
      { id: 'd', text: 'Bearer' },
    ],
    answer: 'a',
    hint: 'One of these is a grant type, one a metadata value, one a token type.',
    solution: [
      'RFC 7523 §2.2 defines client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer.',
      'urn:ietf:params:oauth:grant-type:jwt-bearer is the JWT authorization grant (§2.1), a different use.',
      'private_key_jwt is the name of the method in client metadata (token_endpoint_auth_method), not a parameter value.',
    ],
    mistakes: ['Mixing up the client-assertion-type URN with the grant-type URN.'],
    stepId: 'sign',
  },
  {
    id: 'iss-sub',
    difficulty: 'medium',
    topic: 'iss and sub',
    prompt: 'What must the iss and sub claims of a client assertion contain?',
    options: [
      { id: 'a', text: 'Both are the client’s own client_id.' },
      { id: 'b', text: 'iss is the authorization server, sub is the client_id.' },
      { id: 'c', text: 'iss is the client_id, sub is the user the token is for.' },
      { id: 'd', text: 'Any values: only the signature matters.' },
    ],
    answer: 'a',
    hint: 'The client issues the JWT, and the JWT is about the client.',
    solution: [
      'RFC 7523 §3: the JWT MUST contain iss, the entity that issued it; with private_key_jwt the client signs its own assertion, so iss is its client_id (OpenID Connect Core §9 requires exactly that).',
      'sub MUST be the client_id of the OAuth client when the JWT is used for client authentication.',
      'The server (aud) is the audience, not the issuer.',
    ],
    mistakes: [
      'Putting the server in iss: that is what aud is for.',
      'Expecting a user in sub: no user takes part.',
    ],
    stepId: 'build-claims',
  },
  {
    id: 'aud-value',
    difficulty: 'medium',
    topic: 'Audience',
    prompt:
      'An assertion has aud = https://other-as.example/token. What does FlowLab’s server answer?',
    options: [
      { id: 'a', text: '401 invalid_client: the assertion is not addressed to this server.' },
      { id: 'b', text: '200: the signature is valid, so the audience does not matter.' },
      { id: 'c', text: '403 insufficient_scope.' },
      { id: 'd', text: '400 unsupported_grant_type.' },
    ],
    answer: 'a',
    hint: 'Why would a client name the server at all?',
    solution: [
      'RFC 7523 §3: aud MUST identify the authorization server as an intended audience (its token endpoint URL MAY be used), and the server MUST reject a JWT that does not.',
      'Otherwise an assertion made for one server could be replayed at another.',
      'A failed client assertion is invalid_client (RFC 7523 §3.2).',
    ],
    mistakes: ['Trusting a valid signature alone.'],
    stepId: 'validate',
    scenario: 'wrong-aud',
  },
  {
    id: 'replay',
    difficulty: 'medium',
    topic: 'Replay and jti',
    prompt:
      'An attacker copies a token request with a valid assertion from a log and sends it again ten seconds later. What happens here?',
    options: [
      { id: 'a', text: 'It is refused: the server has seen that jti before (invalid_client).' },
      { id: 'b', text: 'It works until the assertion’s exp, because the signature is valid.' },
      { id: 'c', text: 'It works forever, like a leaked secret.' },
      { id: 'd', text: 'The server issues the same access token again.' },
    ],
    answer: 'a',
    hint: 'What is jti for?',
    solution: [
      'RFC 7523 §3 item 7: the server MAY prevent replay by remembering used jti values until the assertion’s exp.',
      'FlowLab’s server does: the second use of the jti is refused with invalid_client.',
      'Even without that check, exp limits a copy to minutes; a copied secret works until it is rotated.',
    ],
    mistakes: ['Assuming a valid signature makes every copy valid.'],
    stepId: 'validate',
    scenario: 'replayed-jti',
  },
  {
    id: 'two-methods',
    difficulty: 'medium',
    topic: 'One method per request',
    prompt:
      'A client sends client_assertion and also client_secret in the same token request. What is the right answer?',
    options: [
      { id: 'a', text: '400 invalid_request: a request uses one client authentication method.' },
      { id: 'b', text: '200, if either of the two is valid.' },
      { id: 'c', text: '200, only if both are valid.' },
      { id: 'd', text: '401 invalid_token.' },
    ],
    answer: 'a',
    hint: 'RFC 6749 §2.3 says how many authentication methods a request may use.',
    solution: [
      'RFC 6749 §2.3: the client MUST NOT use more than one authentication method in each request.',
      'A malformed request is invalid_request (400).',
      'invalid_token belongs to resource servers (RFC 6750), not the token endpoint.',
    ],
    mistakes: ['Thinking extra credentials make a request safer.'],
    stepId: 'validate',
    scenario: 'secret-as-well',
  },
  {
    id: 'alg-none',
    difficulty: 'hard',
    topic: 'Algorithm allow-list',
    prompt: 'Why must the server refuse an assertion whose header says "alg": "none"?',
    options: [
      {
        id: 'a',
        text: 'It carries no signature, so anyone could have written it; RFC 7523 requires the JWT to be signed or MACed.',
      },
      { id: 'b', text: 'It is fine as long as the jti is new.' },
      { id: 'c', text: 'Because "none" is slower to verify.' },
      { id: 'd', text: 'It should be accepted when the client is registered with jwks.' },
    ],
    answer: 'a',
    hint: 'What proves that the client wrote these claims?',
    solution: [
      'RFC 7523 §3 item 9: the JWT MUST be digitally signed or have a MAC applied; the server MUST reject an invalid signature.',
      'An unsecured JWT (alg none) proves nothing about who wrote it.',
      'FlowLab also refuses HMAC algorithms here: their key would be a shared secret again. Only asymmetric algorithms are on its allow-list.',
    ],
    mistakes: ['Letting the JWT header choose how (or whether) to verify it.'],
    stepId: 'validate',
    scenario: 'alg-none',
  },
  {
    id: 'leak-impact',
    difficulty: 'hard',
    topic: 'What a leak reveals',
    prompt:
      'The authorization server’s client database and its logs leak. Which client can an attacker now impersonate at /token?',
    options: [
      {
        id: 'a',
        text: 'A client_secret_basic client whose secret (or a log of its Basic header) is in the leak, but not a private_key_jwt client.',
      },
      { id: 'b', text: 'Both: the private_key_jwt client’s public key is in the database.' },
      { id: 'c', text: 'Neither: the database holds only hashes.' },
      { id: 'd', text: 'Only the private_key_jwt client, because its jwks is public.' },
    ],
    answer: 'a',
    hint: 'Which of the stored values can produce a new proof?',
    solution: [
      'A public key only verifies signatures; it cannot make one, so the private_key_jwt client stays safe.',
      'A logged Basic header is the secret itself (base64 is an encoding, not encryption), valid until rotated.',
      'Logged assertions are expired within minutes and their jti is spent.',
      'This is RFC 9700 §2.5’s reason to recommend asymmetric client authentication.',
    ],
    mistakes: [
      'Believing a hashed secret store makes logs harmless too.',
      'Treating the public key as a secret.',
    ],
    stepId: 'register',
  },
  {
    id: 'expired',
    difficulty: 'hard',
    topic: 'Assertion lifetime',
    prompt:
      'An assertion’s exp passed 3 seconds ago on the server’s clock. What must the server do?',
    options: [
      { id: 'a', text: 'Reject it (invalid_client), allowing at most a small clock skew.' },
      { id: 'b', text: 'Accept it: exp is OPTIONAL for client assertions.' },
      { id: 'c', text: 'Accept it once more, then reject.' },
      { id: 'd', text: 'Issue a token that expires 3 seconds earlier.' },
    ],
    answer: 'a',
    hint: 'RFC 7523 §3 item 4 says whether exp is required.',
    solution: [
      'RFC 7523 §3 item 4: the JWT MUST contain exp, and the server MUST reject a JWT whose expiry has passed, subject to allowable clock skew.',
      'FlowLab tolerates 2 seconds of skew, so 3 seconds late is refused.',
      'In the expired-assertion scenario the client moves the server’s clock for itself alone, instead of making you wait.',
    ],
    mistakes: ['Treating exp as optional, as it is for JWTs in general (RFC 7519).'],
    stepId: 'validate',
    scenario: 'expired-assertion',
  },
];

/** The questions as learners see them (options in their shown order, see `arrangePractice`). */
export const practice = arrangePractice(writtenPractice);
