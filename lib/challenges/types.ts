/**
 * Challenges: hands-on tasks of a lesson, passed only by what FlowLab's own server observed
 * from requests that authenticated as the learner's own client. Tasks are lesson data; the rule
 * of each is data too, in the few kinds of observation the grader knows ({@link ChallengeRule}).
 */
import type { Check, CheckId } from '../protocol/checks';
import type { AuthEndpoint } from '../oauth/events';

/**
 * What one request must look like to count: every field given must match.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export interface RequestPattern {
  readonly endpoint: AuthEndpoint;
  readonly status?: number;
  /** The RFC error code of the answer. */
  readonly error?: string;
  /** How the client authenticated: `client_secret_basic`, `client_secret_post`, `private_key_jwt`. */
  readonly authMethod?: string;
  /** A check the server made and passed (`active`: introspection found the token active). */
  readonly passedCheck?: CheckId;
  /** The check the request failed (`revocation`: the API refused a revoked token). */
  readonly failedCheck?: CheckId;
  /** The failed check's detail, where one check fails for several reasons. */
  readonly failedDetail?: string;
}

/**
 * How a task is passed, in the kinds of observation the grader knows:
 * - `request`: one request matching the pattern;
 * - `sequence`: a request matching `first`, later one matching `then`, carrying the same token;
 * - `wait-retry-after`: after a `429` naming the client, its next attempt came no sooner than the
 *   `Retry-After` it was given, and matches `then`;
 * - `token-reuse`: `times` requests matching the pattern with one and the same token.
 */
export type ChallengeRule =
  | { readonly kind: 'request'; readonly match: RequestPattern }
  | {
      readonly kind: 'sequence';
      readonly first: RequestPattern;
      readonly then: RequestPattern;
    }
  | { readonly kind: 'wait-retry-after'; readonly then: RequestPattern }
  | { readonly kind: 'token-reuse'; readonly match: RequestPattern; readonly times: number };

/**
 * What a task's page shows to copy, rendered from the learner's own client at the page's origin
 * (`lib/challenges/examples.ts`): a curl line of a request, or the assertion claims to sign.
 * What only the learner has stands as a placeholder (`ACCESS_TOKEN`, `CLIENT_ASSERTION`, the
 * public key's `x` and `y`, and `CLIENT_ID` until the page follows their client).
 * - `token`, `introspect`, `revoke`: with the client's secret over HTTP Basic (or as `auth` says);
 * - `api`: the API call with the access token;
 * - `register-key`: `POST /register` of a `private_key_jwt` client with a public key (RFC 7591);
 * - `assertion-claims`: the header and claims of a client assertion (RFC 7523 §3), the `aud`
 *   this server takes;
 * - `assertion-token`: the token request with `client_assertion` (RFC 7523 §2.2).
 */
export type ChallengeExample =
  | {
      readonly kind: 'token';
      /** `both` sends Basic and body credentials at once (RFC 6749 §2.3 forbids it). */
      readonly auth: 'basic' | 'body' | 'both';
      readonly scope?: string;
    }
  | {
      readonly kind:
        'api' | 'introspect' | 'revoke' | 'register-key' | 'assertion-claims' | 'assertion-token';
    };

/** One hands-on task of a lesson. */
export interface ChallengeTask {
  /** Unique within the lesson, kebab-case. */
  readonly id: string;
  readonly title: string;
  /** What to do, in one or two sentences. */
  readonly todo: string;
  readonly hint: string;
  /** The RFC section it practises. */
  readonly rfc: { readonly label: string; readonly href: string };
  readonly rule: ChallengeRule;
  /** What to send or sign, in order, as blocks to copy on the page. */
  readonly examples?: readonly ChallengeExample[];
}

/** A request as FlowLab saw it and keeps it with a pass: credentials masked, never raw. */
export interface ObservedRequest {
  readonly at: number;
  readonly endpoint: AuthEndpoint;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly error?: string;
  readonly authMethod?: string;
  /** The credential it carried, masked (`xy•••`, `eyJhbGciOi…`). */
  readonly credential?: string;
  readonly checks: readonly Check[];
}

/** A passed task of one client: which, when, and the request that passed it. */
export interface TaskPass {
  readonly lesson: string;
  readonly taskId: string;
  /** Epoch milliseconds of the passing request. */
  readonly at: number;
  readonly request: ObservedRequest;
}

/**
 * What the grader remembers of one client between requests (bounded): per task, the tokens seen
 * so far (a sequence's first step, or a reuse count), and the last `429` it was given.
 */
export interface GraderMemory {
  readonly tokens: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly refusal?: { readonly at: number; readonly retryAfter: number };
}

/**
 * Where the learner's client comes from: `secret`, the Challenges page registers a
 * `client_secret_basic` client for this browser; `own-key`, the learner's own code registers its
 * own public key and the page follows that client (given its id and registration access token).
 */
export type ChallengeClientKind = 'secret' | 'own-key';

/**
 * A lesson's sample program, kept in the repository's `examples/` folder and served by FlowLab at
 * `/examples/<file>`, so a learner with only a terminal can fetch it from the class's server and
 * run it against that server.
 */
export interface ChallengeSample {
  /** Its name in `examples/` and in the URL. */
  readonly file: string;
  /**
   * How to run it once fetched, word by word: `{file}` is the file, `{origin}` the server, and
   * `{client_id}`, `{client_secret}` the learner's client (a page not yet following one shows
   * the placeholders).
   */
  readonly run: readonly string[];
  /** What it does, in a sentence under the commands. */
  readonly note: string;
}

/** A lesson's challenges: how the learner gets a client, the tasks, and the sample program. */
export interface ChallengeSpec {
  readonly client: ChallengeClientKind;
  readonly tasks: readonly ChallengeTask[];
  readonly sample?: ChallengeSample;
}

/** The tasks of one lesson. */
export interface LessonChallenges {
  readonly lesson: string;
  readonly tasks: readonly ChallengeTask[];
}
