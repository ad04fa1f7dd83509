/**
 * Drills over HTTP (api.md): create, act, the control shorthands, join, each caller's view,
 * scorecard, export, import, history and deletion.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseAction } from '../../engine/actions';
import { anonymiseLog } from '../../engine/anonymise-log';
import {
  buildExport,
  maxExportDepth,
  nestingDeeperThan,
  parseExport,
} from '../../engine/drill-export';
import { renderScorecardCsv } from '../../engine/report/render-scorecard-csv';
import { renderScorecardMarkdown } from '../../engine/report/render-scorecard-markdown';
import { scoreDrill } from '../../engine/score/score-drill';
import { formatProblem } from '../../scenario/problems';
import { createDrillBody, deleteDrillQuery, joinBody } from '../../protocol/http-bodies';
import type { DrillHost } from '../drill-host';
import type { LiveDrill } from '../live-drill';
import { readLibrary } from '../scenario-library';
import type { Caller, ServerAccess } from './access';
import { bearerToken, callerOf, hasServerKey } from './access';
import { issueDetails, sendError } from './api-error';
import { snapshotFor } from './drill-snapshot';

type DrillRequest = FastifyRequest<{ Params: { id: string } }>;

const actionBodyLimit = 64 * 1024;
const importBodyLimit = 20 * 1024 * 1024;

export function drillRoutes(
  app: FastifyInstance,
  host: DrillHost,
  scenariosDirectory: string,
  access: ServerAccess,
): void {
  /** The drill and the caller, or an error reply. */
  const resolve = async (
    request: DrillRequest,
    reply: FastifyReply,
  ): Promise<{ live: LiveDrill; caller: Caller } | null> => {
    const live = await host.get(request.params.id);
    if (!live) {
      void sendError(reply, 404, 'no such drill');
      return null;
    }
    const caller = callerOf(host, live, bearerToken(request));
    if (!caller) {
      void sendError(reply, 401, 'a valid token for this drill is required');
      return null;
    }
    return { live, caller };
  };

  app.post('/api/drills', async (request, reply) => {
    if (!hasServerKey(request, access))
      return sendError(reply, 401, 'the facilitator key is required');
    const body = createDrillBody.safeParse(request.body);
    if (!body.success)
      return sendError(reply, 400, 'invalid drill request', issueDetails(body.error.issues));
    const library = await readLibrary(scenariosDirectory);
    const entry = library.scenarios.find(({ scenario }) => scenario.id === body.data.scenario);
    if (!entry) return sendError(reply, 404, `no scenario "${body.data.scenario}" in the library`);
    return reply.code(201).send(await host.create(entry, body.data));
  });

  app.post<{ Params: { id: string } }>(
    '/api/drills/:id/actions',
    { bodyLimit: actionBodyLimit },
    async (request, reply) => {
      const found = await resolve(request, reply);
      if (!found) return reply;
      return act(found.live, found.caller, request.body, reply);
    },
  );

  for (const control of ['start', 'pause', 'resume', 'end', 'abort'] as const) {
    app.post<{ Params: { id: string } }>(
      `/api/drills/:id/${control}`,
      { bodyLimit: actionBodyLimit },
      async (request, reply) => {
        const found = await resolve(request, reply);
        if (!found) return reply;
        const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
        return act(found.live, found.caller, { [control]: control === 'abort' ? body : {} }, reply);
      },
    );
  }

  app.post(
    '/api/join',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = joinBody.safeParse(request.body);
      if (!body.success)
        return sendError(reply, 400, 'invalid join request', issueDetails(body.error.issues));
      const stored = await host.drillByJoinCode(body.data.code);
      if (!stored) return sendError(reply, 404, 'no open drill has that code');
      const live = await host.get(stored.id);
      if (!live) return sendError(reply, 404, 'no open drill has that code');
      const roles = live.drill.scenario.roles;
      const unknown = body.data.roles.filter(
        (role) => !roles.some((candidate) => candidate.id === role),
      );
      if (unknown.length > 0)
        return sendError(
          reply,
          400,
          `unknown role ${unknown.map((role) => `"${role}"`).join(', ')}`,
        );
      const npc = body.data.roles.filter((role) =>
        roles.some((candidate) => candidate.id === role && candidate.npc !== null),
      );
      if (npc.length > 0)
        return sendError(reply, 400, `${npc.join(', ')} is played by the simulator`);
      const taken = new Set(live.participants().flatMap((participant) => participant.roles));
      const clash = body.data.roles.filter((role) => taken.has(role));
      if (clash.length > 0) return sendError(reply, 409, `already taken: ${clash.join(', ')}`);
      const { participantToken } = await host.join(stored, body.data.name, body.data.roles);
      live.participantsChanged();
      return reply.code(201).send({ drillId: stored.id, participantToken });
    },
  );

  app.get<{ Params: { id: string } }>('/api/drills/:id', async (request, reply) => {
    const found = await resolve(request, reply);
    if (!found) return reply;
    return snapshotFor(host, found.live, found.caller);
  });

  app.get<{ Params: { id: string } }>('/api/drills/:id/scorecard', async (request, reply) => {
    // The server's facilitator key reads every drill's scorecard (history, comparisons).
    const keyHolder =
      access.keyRequired && hasServerKey(request, access)
        ? await host.get(request.params.id)
        : undefined;
    if (keyHolder)
      return scoreDrill(keyHolder.drill.scenario, keyHolder.drill.log, {
        endMs: keyHolder.drill.drillTimeAt(host.now()),
      });
    const found = await resolve(request, reply);
    if (!found) return reply;
    const { live, caller } = found;
    const over = live.drill.phase() === 'ended' || live.drill.phase() === 'aborted';
    if (caller.viewer.audience !== 'facilitator' && !over)
      return sendError(reply, 403, 'the scorecard is shown once the drill has ended');
    return scoreDrill(live.drill.scenario, live.drill.log, {
      endMs: live.drill.drillTimeAt(host.now()),
    });
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/api/drills/:id/export',
    async (request, reply) => {
      const found = await resolve(request, reply);
      if (!found) return reply;
      if (found.caller.viewer.audience !== 'facilitator')
        return sendError(reply, 403, 'only the facilitator may export a drill');
      const { live } = found;
      const { stored } = live;
      return buildExport({
        drillId: live.id,
        scenarioFile: stored.scenarioFile,
        scenarioSource: stored.scenarioSource,
        scenario: live.drill.scenario,
        log: request.query.anonymise === 'true' ? anonymiseLog(live.drill.log) : live.drill.log,
      });
    },
  );

  // The scorecard as a document to share: Markdown, or CSV (one table at a time).
  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/api/drills/:id/report',
    async (request, reply) => {
      const found = await resolve(request, reply);
      if (!found) return reply;
      const { live, caller } = found;
      const over = live.drill.phase() === 'ended' || live.drill.phase() === 'aborted';
      if (caller.viewer.audience !== 'facilitator' && !over)
        return sendError(reply, 403, 'the report is shown once the drill has ended');
      const { format = 'markdown', table = 'expectations', anonymise } = request.query;
      const log = anonymise === 'true' ? anonymiseLog(live.drill.log) : live.drill.log;
      const card = scoreDrill(live.drill.scenario, log, {
        endMs: live.drill.drillTimeAt(host.now()),
      });
      const name = `firedrill-${live.drill.scenario.id}-${live.id}`;
      if (format === 'markdown') {
        return reply
          .type('text/markdown; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.md"`)
          .send(renderScorecardMarkdown(card, live.drill.scenario));
      }
      if (format === 'csv' && (table === 'expectations' || table === 'escalations')) {
        const csv = renderScorecardCsv(card, live.drill.scenario, log, table);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}-${table}.csv"`)
          .send(csv);
      }
      return sendError(
        reply,
        400,
        'format is markdown, or csv with table=expectations or table=escalations',
      );
    },
  );

  app.post('/api/drills/import', { bodyLimit: importBodyLimit }, async (request, reply) => {
    if (!hasServerKey(request, access))
      return sendError(reply, 401, 'the facilitator key is required');
    if (nestingDeeperThan(request.body, maxExportDepth))
      return sendError(reply, 400, 'not a valid drill export: nested too deep');
    const parsed = parseExport(JSON.stringify(request.body), 'import.json');
    if (!parsed.ok)
      return sendError(reply, 400, 'not a valid drill export', parsed.problems.map(formatProblem));
    const imported = await host.importDrill(parsed.export, parsed.scenario);
    if (!imported.ok) return sendError(reply, 409, imported.error);
    return reply.code(201).send({ id: imported.id, facilitatorToken: imported.facilitatorToken });
  });

  app.get('/api/drills', async (request, reply) => {
    if (!hasServerKey(request, access))
      return sendError(reply, 401, 'the facilitator key is required');
    return { drills: await host.history() };
  });

  app.delete<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/api/drills/:id',
    async (request, reply) => {
      const found = await resolve(request, reply);
      if (!found) return reply;
      if (found.caller.viewer.audience !== 'facilitator')
        return sendError(reply, 403, 'only the facilitator may delete a drill');
      const query = deleteDrillQuery.safeParse(request.query);
      const body = request.body as { exclude?: unknown } | undefined;
      const exclude = (query.success && query.data.exclude === 'true') || body?.exclude === true;
      if (exclude) {
        await host.exclude(found.live.id);
        return { id: found.live.id, excluded: true };
      }
      await host.delete(found.live.id);
      return reply.code(204).send();
    },
  );
}

/** One action from a caller over HTTP: checked, scoped, applied at most once, answered with its seq. */
async function act(
  live: LiveDrill,
  caller: Caller,
  body: unknown,
  reply: FastifyReply,
): Promise<FastifyReply | { seq: number; duplicate: boolean }> {
  const outcome = await decideAction(live, caller, body);
  if (!outcome.ok) return sendError(reply, outcome.status, outcome.error, outcome.details);
  return { seq: outcome.seq, duplicate: outcome.duplicate };
}

/** The outcome of an action from any transport (HTTP or WebSocket). */
export type ActionResult =
  | { ok: true; seq: number; duplicate: boolean }
  | { ok: false; status: number; error: string; details?: readonly unknown[] };

/** Resolves once the action's facts are stored: nobody hears of a fact before that. */
export async function decideAction(
  live: LiveDrill,
  caller: Caller,
  body: unknown,
): Promise<ActionResult> {
  if (!caller.actor) return { ok: false, status: 403, error: 'the projector only watches' };
  const parsed = parseAction(body);
  if (!parsed.ok)
    return {
      ok: false,
      status: 400,
      error: 'invalid action',
      details: issueDetails(parsed.problems),
    };
  const outcome = await live.act({
    action: parsed.action,
    actor: caller.actor,
    ...(parsed.atMs === undefined ? {} : { atMs: parsed.atMs }),
    ...(parsed.clientId === undefined ? {} : { clientId: `${caller.idScope}:${parsed.clientId}` }),
  });
  return outcome.ok
    ? { ok: true, seq: outcome.seq, duplicate: outcome.duplicate }
    : { ok: false, status: outcome.status, error: outcome.error };
}
