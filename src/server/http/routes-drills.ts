/**
 * Drills over HTTP (api.md): create one, each caller's view of it, delete it, and the
 * history. Importing (routes-import.ts), actions, joining and review have their own modules.
 */
import type { FastifyInstance } from 'fastify';
import type { HistoryReply } from '../../protocol/drill-summary';
import type { CreateDrillReply, DeleteDrillReply } from '../../protocol/http-bodies';
import { createDrillBody, deleteDrillBody, deleteDrillQuery } from '../../protocol/http-bodies';
import type { DrillHost } from '../drill-host';
import type { IntegrationSettings } from '../integrations/integration-settings';
import { chatWebhookUrl } from '../integrations/integration-settings';
import { readLibrary } from '../scenario-library';
import type { ServerAccess } from './access';
import { facilitatorCaller } from './access';
import { drillAccessOf, requireDrillCaller, requireServerKey } from './access-hooks';
import { issueDetails, sendError } from './api-error';
import { damagedDrillOf } from './damaged-drill-access';
import { snapshotFor } from './snapshot-for-viewer';

export function drillRoutes(
  app: FastifyInstance,
  host: DrillHost,
  scenariosDirectory: string,
  access: ServerAccess,
  /** Which chats a drill may be mirrored into: those this server has a webhook for. */
  integrations: IntegrationSettings,
): void {
  const serverKey = { onRequest: requireServerKey(access) };
  const drillCaller = { onRequest: requireDrillCaller(host) };

  app.post('/api/drills', serverKey, async (request, reply) => {
    const body = createDrillBody.safeParse(request.body);
    if (!body.success)
      return sendError(reply, 400, 'invalid drill request', issueDetails(body.error.issues));
    const unconfigured = (body.data.chat ?? []).filter(
      (chat) => chatWebhookUrl(integrations, chat) === null,
    );
    if (unconfigured.length > 0)
      return sendError(
        reply,
        400,
        `this server has no webhook for ${unconfigured.join(' or ')}: set ${unconfigured.map((chat) => `FIREDRILL_${chat.toUpperCase()}_WEBHOOK_URL`).join(' and ')} (environment or integrations.json) and restart it`,
      );
    const library = await readLibrary(scenariosDirectory);
    const entry = library.scenarios.find(({ scenario }) => scenario.id === body.data.scenario);
    if (!entry) return sendError(reply, 404, `no scenario "${body.data.scenario}" in the library`);
    return reply.code(201).send((await host.create(entry, body.data)) satisfies CreateDrillReply);
  });

  app.get('/api/drills/:id', drillCaller, async (request, reply) => {
    const { live, caller } = drillAccessOf(request);
    return reply.type('application/json; charset=utf-8').send(snapshotFor(host, live, caller).json);
  });

  app.get(
    '/api/drills',
    serverKey,
    async () => ({ drills: await host.history() }) satisfies HistoryReply,
  );

  // A damaged drill's facilitator may delete it (or keep it out of trends) too.
  const deleteAccess = { onRequest: requireDrillCaller(host, { admitDamaged: true }) };
  app.delete('/api/drills/:id', deleteAccess, async (request, reply) => {
    const damaged = damagedDrillOf(request);
    const { live, caller } = damaged
      ? { live: { id: damaged.stored.id }, caller: facilitatorCaller }
      : drillAccessOf(request);
    if (caller.viewer.audience !== 'facilitator')
      return sendError(reply, 403, 'only the facilitator may delete a drill');
    // Deleting is for good: anything that is not plainly "keep it" or "delete it" changes nothing.
    const query = deleteDrillQuery.safeParse(request.query);
    const body = deleteDrillBody.safeParse(request.body ?? {});
    if (!query.success || !body.success)
      return sendError(
        reply,
        400,
        'exclude is `?exclude=true` or `false` (or a JSON body {"exclude": true}); nothing was changed',
      );
    const exclude = query.data.exclude === 'true' || body.data.exclude === true;
    if (exclude) {
      await host.exclude(live.id);
      return { id: live.id, excluded: true } satisfies DeleteDrillReply;
    }
    await host.delete(live.id);
    return reply.code(204).send();
  });
}
