import type { Lesson } from '../types';

/** Introduction mode: what the grant is for, when to reach for it, and why no person takes part. */
export const intro = {
  purpose:
    'The client credentials grant (RFC 6749 §4.4) is how a program obtains an access token for itself. It proves its own identity to the authorization server with the client_id and client_secret it was registered with, receives a short-lived access token, and presents that token to a protected API. Nobody signs in: the program acts on its own authority, and its credentials are the only proof the server asks for.',
  whenToUse: [
    'A backend service has to call another service securely, for example an order service asking a billing API for invoices.',
    'An application needs data from an API and there is no user in the picture at all.',
    'A scheduled job or script automates work that touches protected resources (a nightly export, a cleanup task).',
    'A system component (a daemon, a worker, a monitoring agent) must authenticate itself to obtain tokens.',
    'You want to keep user data out of it entirely and grant access based only on the identity of the application.',
  ],
  whyNoUser:
    'There is no login page, no consent screen and no redirect through a browser, because nobody is asked at request time. RFC 6749 §4.4 names two cases: the client asks for protected resources under its own control, or for resources of another resource owner that were arranged with the authorization server beforehand (how is outside the RFC). Either way the only identity to prove is the client’s own. That is also why §4.4 says this grant MUST only be used by confidential clients: clients that can keep their credentials confidential (§2.1), such as a program on a server with restricted access. A browser app or a mobile app is a public client: it ships its code, and any secret in it, to everyone who installs it.',
} satisfies Lesson['intro'];
