import type { Lesson } from '../types';

/**
 * Syntax and examples mode. The samples' code is generated from the learner's own client values
 * by the step engine's snippet generators (the same request record the engine sends), so only
 * their titles and explanations live here.
 */
export const syntax = {
  notes: [
    "The token request is an HTTP POST to the authorization server's token endpoint (RFC 6749 §3.2), with Content-Type: application/x-www-form-urlencoded: form fields, not JSON (§4.4.2).",
    "grant_type=client_credentials is required; scope is optional (without it the server applies the client's default scope).",
    "The client proves its identity with its client ID and secret. HTTP Basic (Authorization: Basic base64(id:secret), each part form-encoded first) is the method every server MUST support (§2.3.1); client_id and client_secret as form fields in the body are the optional alternative, which many servers, FlowLab's included, also accept. Use one method, never both.",
    'A successful answer is 200 with JSON: access_token, token_type "Bearer", expires_in (seconds) and scope, marked Cache-Control: no-store. Errors are JSON with error and error_description.',
    'The client then calls the API with Authorization: Bearer <access_token> (RFC 6750).',
  ],
  examples: [
    {
      id: 'http',
      title: 'The raw HTTP request',
      language: 'http',
      description:
        'Exactly what goes over the wire: the request line, the headers and the form-encoded body.',
    },
    {
      id: 'curl',
      title: 'curl on the command line',
      language: 'shell',
      description:
        'The same request from a terminal; paste it while the app runs and the token comes back.',
    },
    {
      id: 'python',
      title: 'A Python program with requests',
      language: 'python',
      description:
        'Posts the form, prints the access token when the status is 200 and the error otherwise.',
    },
    {
      id: 'fetch',
      title: 'JavaScript fetch',
      language: 'javascript',
      description:
        'For server-side JavaScript (Node, Deno, Bun, workers): never ship a client secret to a browser.',
    },
    {
      id: 'node',
      title: 'Node.js',
      language: 'javascript',
      description: 'A complete Node script: request a token, then call the protected API with it.',
    },
  ],
} satisfies Lesson['syntax'];
