/**
 * The "side by side" mode's content: the three ways a client authenticates the same token
 * request, and what each one protects against. Lesson data, shared by every lesson that lists
 * the mode (the token request is the same grant in each). Facts from RFC 6749 §2.3.1,
 * RFC 7523 §2.2 and §3, and RFC 9700 §2.5; the sentences are FlowLab's own.
 */
import type { RegistrationAuthMethod } from '../protocol/registration';

/**
 * The client authentication methods compared, in the order the mode shows them: every method a
 * client can register with (their RFC 7591 client metadata names).
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export const comparedMethodIds = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
] as const satisfies readonly RegistrationAuthMethod[];
/** One of {@link comparedMethodIds}. */
export type ComparedMethodId = (typeof comparedMethodIds)[number];

/** The threats the comparison weighs the methods against. */
export const threatIds = ['replay', 'store-leak', 'log-leak'] as const;
/** One of {@link threatIds}. */
export type ThreatId = (typeof threatIds)[number];

/** A source a statement rests on. */
export interface Source {
  readonly label: string;
  readonly url: string;
}

/** One method: how the request carries the credential, and what the server has to keep. */
export interface ComparedMethod {
  readonly id: ComparedMethodId;
  /** How the credential travels in the request, in one sentence. */
  readonly sends: string;
  /** What the server must keep to check it. */
  readonly serverKeeps: string;
  readonly sources: readonly Source[];
}

/** A threat: what an attacker got hold of, and how the live demo shows it (if it does). */
export interface Threat {
  readonly id: ThreatId;
  readonly title: string;
  readonly scenario: string;
}

/** How one method fares against one threat. */
export interface Verdict {
  readonly protects: boolean;
  readonly why: string;
}

/** The whole comparison, as the mode renders it. */
export interface AuthMethodComparison {
  readonly intro: string;
  /** The client the two secret methods send (a demo client; the key method uses this browser's own). */
  readonly secretClient: { readonly clientId: string; readonly clientSecret: string };
  readonly methods: readonly ComparedMethod[];
  readonly threats: readonly Threat[];
  readonly verdicts: Readonly<Record<ComparedMethodId, Readonly<Record<ThreatId, Verdict>>>>;
  /** What the "send it again" button proves. */
  readonly replayNote: string;
  readonly takeaway: string;
}

const rfc6749 = {
  label: 'RFC 6749 §2.3.1',
  url: 'https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1',
};
const rfc7523 = {
  label: 'RFC 7523 §2.2, §3',
  url: 'https://www.rfc-editor.org/rfc/rfc7523#section-3',
};
const rfc9700 = {
  label: 'RFC 9700 §2.5',
  url: 'https://www.rfc-editor.org/rfc/rfc9700#section-2.5',
};

/** The side-by-side content. */
export const authMethodComparison = {
  intro:
    'The same client credentials token request (grant_type=client_credentials, the default scope), authenticated three ways. Each is built and sent for real; the highlighted parts are what differs between the three.',
  secretClient: { clientId: 'abc', clientSecret: 'xyz' },
  methods: [
    {
      id: 'client_secret_basic',
      sends:
        'The client_id and the client_secret, form-encoded, joined by a colon and base64-encoded in an HTTP Basic Authorization header. Every authorization server MUST support it for clients that have a password.',
      serverKeeps:
        'Something to check the secret against: the secret itself or a hash of it (FlowLab stores only a SHA-256 digest of the secrets of clients registered at /register; the demo clients’ secrets are in its configuration).',
      sources: [rfc6749],
    },
    {
      id: 'client_secret_post',
      sends:
        'The same client_id and client_secret as form fields of the body. RFC 6749 calls it NOT RECOMMENDED, for clients that cannot use Basic; never in the URL.',
      serverKeeps: 'The same as Basic: the secret or a hash of it.',
      sources: [rfc6749],
    },
    {
      id: 'private_key_jwt',
      sends:
        'No secret at all: client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and client_assertion, a JWT the client signed with its private key, with iss = sub = the client_id, aud = the authorization server, a short exp and a unique jti. Here the client is this browser: its key was made here, only the public key was registered, and each send signs a new assertion.',
      serverKeeps:
        'Only the public key the client registered, which can check a signature but cannot make one.',
      sources: [rfc7523, rfc9700],
    },
  ],
  threats: [
    {
      id: 'replay',
      title: 'A captured request replayed later',
      scenario:
        'Someone copies a whole token request (a proxy, a debugging tool, a shared screen) and sends it again.',
    },
    {
      id: 'store-leak',
      title: 'A leaked server-side credential store',
      scenario: 'The authorization server’s client database is copied.',
    },
    {
      id: 'log-leak',
      title: 'A credential in a log',
      scenario:
        'The request ends up in a log: an Authorization header or a form body written out by a proxy or an application.',
    },
  ],
  verdicts: {
    client_secret_basic: {
      replay: {
        protects: false,
        why: 'The header is the same every time and valid until the secret is changed: the copy gets tokens of its own.',
      },
      'store-leak': {
        protects: false,
        why: 'The store holds what checks the secret; a copied secret authenticates at once, and a hash of a guessable secret can be cracked.',
      },
      'log-leak': {
        protects: false,
        why: 'Base64 is an encoding, not encryption: the logged header is the secret, reusable until it is rotated.',
      },
    },
    client_secret_post: {
      replay: {
        protects: false,
        why: 'The same reusable secret, in the body instead of a header: a replay works just as well.',
      },
      'store-leak': {
        protects: false,
        why: 'The same shared secret as Basic, so the same exposure.',
      },
      'log-leak': {
        protects: false,
        why: 'The secret is plain text in the body, which request logs and error reports often record.',
      },
    },
    private_key_jwt: {
      replay: {
        protects: true,
        why: 'The server accepts each jti once before its exp and the assertion lives a minute: the replay is invalid_client.',
      },
      'store-leak': {
        protects: true,
        why: 'The server keeps only the public key; it cannot sign an assertion, so the copy authenticates nobody.',
      },
      'log-leak': {
        protects: true,
        why: 'A logged assertion is already used and soon expired; the private key itself is never sent.',
      },
    },
  },
  replayNote:
    'Send it again sends the very same request, byte for byte, as an attacker who captured it would.',
  takeaway:
    'A secret proves the same thing every time it is sent, so every copy of it is as good as the original. A signed assertion is good once, for a minute, for one server, and the only thing that can make a new one is the private key, which never leaves the client. That is why RFC 9700 recommends asymmetric client authentication.',
} as const satisfies AuthMethodComparison;
