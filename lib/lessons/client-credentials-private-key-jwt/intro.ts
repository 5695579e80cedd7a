import type { Lesson } from '../types';

/** Introduction mode: why a client would authenticate with a key, and when to. */
export const intro = {
  purpose:
    'Same grant as the first lesson (client credentials, RFC 6749 §4.4), stronger proof. Instead of a client secret that both sides know, the client holds a private key that only it knows, and registers the matching public key with the authorization server. For each token request it signs a short-lived JWT, the client assertion, and sends that instead of a secret (private_key_jwt: RFC 7523 §2.2, on the framework of RFC 7521 §4.2). In this lesson your own browser makes the key pair, registers the public key as a short-lived demo client, and signs every assertion itself: the private key never leaves the browser.',
  whenToUse: [
    'Any confidential client that can keep a private key: RFC 9700 §2.5 (OAuth security best current practice) recommends asymmetric client authentication, private_key_jwt or mutual TLS, over shared secrets.',
    'When a leak of the authorization server’s client store or logs must not hand out working credentials.',
    'When the key can live in a hardware module, a cloud key service or a non-extractable WebCrypto key, where it signs without ever being read.',
    'When security profiles require it (FAPI 2.0, for example, allows only private_key_jwt or mutual TLS).',
  ],
  whyNoUser:
    'Nothing changes about who takes part: there is still no user, no login and no consent. The client proves its own identity, only with a signature instead of a password-like secret. That is the point of the lesson: the server stores just a public key, so a leaked server-side database, backup or log reveals nothing that could authenticate as the client; and what travels on the wire is an assertion that names this server, expires within a minute and can be used once.',
} satisfies Lesson['intro'];
