/**
 * `POST /api/drills/import` (api.md), in a scope of its own: it takes a body far larger than
 * any other route (`maxImportBodyBytes`) and reads it itself: as text in pieces while it
 * arrives (body-pieces.ts), then in slices (the export reader), so that a 20 MB export never
 * holds up the other requests for long.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseExportInSteps } from '../../engine/drill-export';
import { PiecedText } from '../../engine/pieced-text';
import type { ImportDrillReply } from '../../protocol/http-bodies';
import { formatProblem } from '../../scenario/problems';
import type { DrillHost } from '../drill-host';
import { pauseEvery } from '../import-pause';
import type { ServerAccess } from './access';
import { requireServerKey } from './access-hooks';
import { sendError } from './api-error';
import { maxImportBodyBytes } from './body-limits';
import { readBodyPieces } from './body-pieces';

/** Registers the import route on `scope`, which must be a scope of its own (its JSON parser is). */
export function importRoutes(scope: FastifyInstance, host: DrillHost, access: ServerAccess): void {
  // The text as sent, in pieces: Fastify's parser would read 20 MB in one blocking
  // `JSON.parse`, and its string reader joins the whole body in one blocking copy.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    'application/json',
    (_request: FastifyRequest, payload: IncomingMessage): Promise<PiecedText> =>
      readBodyPieces(payload, maxImportBodyBytes),
  );
  scope.post(
    '/api/drills/import',
    { onRequest: requireServerKey(access), bodyLimit: maxImportBodyBytes },
    async (request, reply) => {
      const text = request.body instanceof PiecedText ? request.body : '';
      // One time budget for the whole import: reading, replaying, scoring, storing.
      const pause = pauseEvery();
      const parsed = await parseExportInSteps(text, 'import.json', pause);
      if (!parsed.ok)
        return sendError(
          reply,
          400,
          'not a valid drill export',
          parsed.problems.map(formatProblem),
        );
      const imported = await host.importDrill(parsed.export, parsed.scenario, pause);
      if (!imported.ok) return sendError(reply, 409, imported.error);
      return reply.code(201).send({
        id: imported.id,
        facilitatorToken: imported.facilitatorToken,
      } satisfies ImportDrillReply);
    },
  );
}
