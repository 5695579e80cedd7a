/**
 * How a client authenticates at the token endpoint (RFC 6749 §2.3.1, RFC 7523 §2.2): a module of
 * its own so a page that offers the choice does not carry the request builders.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3
 */
export const authMethods = ['basic', 'body', 'both', 'private_key_jwt'] as const;
/** One of {@link authMethods}; what each means is on `TokenRequestSettings.authMethod`. */
export type AuthMethod = (typeof authMethods)[number];
