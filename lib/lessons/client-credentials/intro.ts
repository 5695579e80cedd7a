import type { Lesson } from '../types';

/** Introduction mode: what the grant is for, when to reach for it, and why no person takes part. */
export const intro = {
  purpose:
    'The client credentials grant (RFC 6749 §4.4) is how a program obtains an access token for itself. It proves its own identity to the authorization server with the client_id and client_secret it was registered with, receives a short-lived access token, and presents that token to a protected API. Nobody signs in: the program acts on its own behalf, never on behalf of a user.',
  whenToUse: [
    'A backend service has to call another service securely, for example an order service asking a billing API for invoices.',
    'An application needs data from an API and there is no user in the picture at all.',
    'A scheduled job or script automates work that touches protected resources (a nightly export, a cleanup task).',
    'A system component (a daemon, a worker, a monitoring agent) must authenticate itself to obtain tokens.',
    'You want to keep user data out of it entirely and grant access based only on the identity of the application.',
  ],
  whyNoUser:
    'There is no login page, no consent screen and no redirect through a browser, because the resource owner is the client itself: the program asks for access to what it is allowed to use, so the only identity to prove is its own. That is also why the flow must only run where the secret can be kept secret: on a server, never in a browser or a mobile app that ships the secret to everyone.',
} satisfies Lesson['intro'];
