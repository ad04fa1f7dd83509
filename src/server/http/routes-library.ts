/**
 * The scenario library: `GET /api/scenarios`, `GET /api/scenarios/:id`, and
 * `GET /api/scenarios/:id/guide?format=markdown` (the facilitator's guide, as the CLI prints it).
 */
import type { FastifyInstance } from 'fastify';
import type { LibraryReply } from '../../protocol/library';
import type { ScenarioDetailReply } from '../../protocol/scenario-detail';
import { facilitatorGuide } from '../../scenario/guide/facilitator-guide';
import { renderGuideMarkdown } from '../../scenario/guide/guide-markdown';
import { readLibrary } from '../scenario-library';
import type { ServerAccess } from './access';
import { requireServerKey } from './access-hooks';
import { sendError } from './api-error';

export function libraryRoutes(
  app: FastifyInstance,
  scenariosDirectory: string,
  access: ServerAccess,
): void {
  const serverKey = { onRequest: requireServerKey(access) };

  app.get('/api/scenarios', serverKey, async () => {
    const library = await readLibrary(scenariosDirectory);
    return {
      scenarios: library.scenarios.map(({ scenario }) => ({
        id: scenario.id,
        title: scenario.title,
        summary: scenario.summary,
        mode: scenario.mode,
        durationMs: scenario.durationMs,
        tags: scenario.tags,
        difficulty: scenario.difficulty,
        roles: scenario.roles.length,
        injects: scenario.injects.length,
        surprises: scenario.injects.filter((inject) => inject.kind === 'surprise').length,
        expectations: scenario.expectations.length,
      })),
      problems: library.problems,
    } satisfies LibraryReply;
  });

  app.get<{ Params: { id: string } }>('/api/scenarios/:id', serverKey, async (request, reply) => {
    const library = await readLibrary(scenariosDirectory);
    const found = library.scenarios.find(({ scenario }) => scenario.id === request.params.id);
    if (!found) return sendError(reply, 404, `no scenario "${request.params.id}" in the library`);
    return { scenario: found.scenario, file: found.file } satisfies ScenarioDetailReply;
  });

  app.get<{ Params: { id: string }; Querystring: { format?: string } }>(
    '/api/scenarios/:id/guide',
    serverKey,
    async (request, reply) => {
      const format = request.query.format ?? 'markdown';
      if (format !== 'markdown')
        return sendError(reply, 400, `format must be "markdown", not "${format}"`);
      const library = await readLibrary(scenariosDirectory);
      const found = library.scenarios.find(({ scenario }) => scenario.id === request.params.id);
      if (!found) return sendError(reply, 404, `no scenario "${request.params.id}" in the library`);
      return reply
        .type('text/markdown; charset=utf-8')
        .send(renderGuideMarkdown(facilitatorGuide(found.scenario)));
    },
  );
}
