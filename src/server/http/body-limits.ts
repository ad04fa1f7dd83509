/**
 * What the API reads from a request body: JSON only (`content-type: application/json`;
 * anything else is a 415, so a cross-site page cannot send a body without a CORS preflight,
 * which this server never grants), and no more than these sizes (a 413 beyond them).
 */

/** Every JSON route but the import: an action, a drill to create, a join. */
export const maxJsonBodyBytes = 64 * 1024;

/** `POST /api/drills/import`: an export of a long drill, log and scenario snapshot included. */
export const maxImportBodyBytes = 25 * 1024 * 1024;

/** What a caller is told when its body is not JSON. */
export const jsonOnlyMessage =
  'this API reads only JSON: send the body with `content-type: application/json`; nothing was changed';

/** What a caller is told when its body is over the route's limit. */
export function tooLargeMessage(limitBytes: number): string {
  const size =
    limitBytes >= 1024 * 1024 ? `${limitBytes / (1024 * 1024)} MB` : `${limitBytes / 1024} KB`;
  return `the request body is over this route's limit of ${size}; nothing was changed`;
}
