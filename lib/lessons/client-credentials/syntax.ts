import type { Lesson } from '../types';

/**
 * Syntax and examples mode. The samples' code is generated from the learner's own client values
 * by the step engine's snippet generators (the same request record the engine sends), so only
 * their titles and explanations live here.
 */
export const syntax = {
  notes: [
    "The token request is an HTTP POST to the authorization server's token endpoint (RFC 6749 §3.2), with Content-Type: application/x-www-form-urlencoded: form fields, not JSON (§4.4.2).",
    "grant_type=client_credentials is required; scope is optional. Without it, the server either applies a default scope (FlowLab uses the client's registered one) or refuses with invalid_scope (§3.3). The server may also grant less than asked, and then the response MUST name the scope it granted (§3.3, §5.1): ask for the least you need and read what you got.",
    'The client proves its identity with its client ID and secret. HTTP Basic (Authorization: Basic base64(id:secret), each part form-encoded first) is the method every server MUST support, and the one to use (§2.3.1). client_id and client_secret as form fields in the body (client_secret_post) are an alternative a server MAY accept; §2.3.1 marks it NOT RECOMMENDED, for clients that cannot use Basic. FlowLab accepts both for the lesson’s clients; a client registered at /register uses the one it registered as its token_endpoint_auth_method (RFC 7591 §2). Use one method, never both (§2.3).',
    'A successful answer is 200 with JSON (§5.1): access_token and token_type are REQUIRED; expires_in (seconds) is RECOMMENDED, so a client must cope without it; scope may be left out when it equals what was asked. token_type is case-insensitive ("Bearer" and "bearer" are the same), and a client must not use a token whose type it does not understand (§7.1). The response is marked Cache-Control: no-store.',
    'An error answer (§5.2) is JSON with a REQUIRED error code and an OPTIONAL error_description for developers: branch on error, never on the description.',
    "Endpoints need not be hard-coded: the server's metadata document (RFC 8414 §3), which FlowLab serves at /.well-known/oauth-authorization-server, names the issuer, the token_endpoint and the token_endpoint_auth_methods_supported. Check that its issuer is the one you expected (§3.3).",
    'The client then calls the API with Authorization: Bearer <access_token> (RFC 6750 §2.1), over TLS (§5.3).',
  ],
  samplesNote:
    'Edit the values: every sample below is generated from them by the same code that sends FlowLab’s own requests. The demo clients include myapp123 / secret456 and abc / xyz.',
  samplesFrom: 'values',
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
        'The lesson’s sample program with your values: posts the form, prints "Access token: …" when the status is 200 and "Failed to get token: <status>" otherwise.',
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
      description:
        'A Node script with no dependencies (node:http or node:https): sends the same token request and prints the status and the body.',
    },
  ],
} satisfies Lesson['syntax'];
