/**
 * The method exports of a route file that is not served by the auth core: the handlers it has,
 * and an answer for every other method. Next answers a method a route file does not export with a
 * bare `405` and no `Allow`, which RFC 9110 §15.5.6 requires; these answers carry it.
 */

/** A route handler (the context holds the dynamic segments). */
type Handler<Context> = (request: Request, context: Context) => Response | Promise<Response>;

/** The methods a route file may implement itself (HEAD and OPTIONS follow from them). */
type ImplementedMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every method a route file exports (the ones the method guard lets through). */
type RouteMethod = ImplementedMethod | 'HEAD' | 'OPTIONS';

/**
 * All seven method exports of a route file: its `handlers`, HEAD as its GET (Node sends no body
 * for it), OPTIONS `204` with `Allow`, and `405` `method_not_allowed` with `Allow` for the rest.
 */
export function routeMethods<Context = unknown>(
  handlers: Partial<Record<ImplementedMethod, Handler<Context>>>,
): Record<RouteMethod, Handler<Context>> {
  const own = Object.keys(handlers) as ImplementedMethod[];
  const allow = [...own, ...(handlers.GET ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse: Handler<Context> = (request) =>
    Response.json(
      {
        error: 'method_not_allowed',
        error_description: `${request.method} is not allowed here; use ${own.join(' or ')}.`,
      },
      { status: 405, headers: { Allow: allow, 'Cache-Control': 'no-store' } },
    );
  const options: Handler<Context> = () =>
    new Response(null, { status: 204, headers: { Allow: allow } });
  return {
    GET: handlers.GET ?? refuse,
    HEAD: handlers.GET ?? refuse,
    POST: handlers.POST ?? refuse,
    PUT: handlers.PUT ?? refuse,
    PATCH: handlers.PATCH ?? refuse,
    DELETE: handlers.DELETE ?? refuse,
    OPTIONS: options,
  };
}
