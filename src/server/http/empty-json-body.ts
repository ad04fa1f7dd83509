/**
 * Routes whose body is optional (the control shorthands, arming) accept `content-type:
 * application/json` with nothing after it, as browsers' `fetch` and many tools send it.
 * Fastify refuses that with 400 by default; anything else is parsed as before, with the
 * same protection against `__proto__` and `constructor` keys.
 */
import type { FastifyInstance } from 'fastify';

/** For the routes of this (encapsulated) scope only: an empty JSON body is no body. */
export function acceptEmptyJsonBody(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser<string>(
    'application/json',
    { parseAs: 'string' },
    (request, body, done) => {
      if (body === '') done(null, undefined);
      else parseJson(request, body, done);
    },
  );
}
