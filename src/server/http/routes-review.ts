/**
 * Reviewing a drill (api.md): its scorecard, its report as Markdown, JSON (the after-action
 * report's document, for the app's report view) or CSV, and its export (the report inside).
 * Participants and the projector see the scorecard and report once the drill has ended.
 */
import type { FastifyInstance } from 'fastify';
import { anonymiseLog } from '../../engine/anonymise-log';
import { buildExport } from '../../engine/drill-export';
import { csvTableNames, renderScorecardCsv } from '../../engine/report/render-scorecard-csv';
import type { AarPlayer } from '../../engine/report/aar-document';
import { buildAfterActionReport } from '../../engine/report/build-aar';
import { renderAfterActionMarkdown } from '../../engine/report/render-aar-markdown';
import { renderScorecardMarkdown } from '../../engine/report/render-scorecard-markdown';
import { scoreDrill } from '../../engine/score/score-drill';
import { buildDamagedExport } from '../damaged-drill-export';
import type { DrillHost } from '../drill-host';
import type { LiveDrill } from '../live-drill';
import type { ServerAccess } from './access';
import { drillAccessOf, requireDrillCaller } from './access-hooks';
import { sendError } from './api-error';
import { damagedDrillOf } from './damaged-drill-access';

type ReviewRequest = {
  Params: { id: string };
  Querystring: Record<string, string | undefined>;
};

const isOver = (live: LiveDrill) =>
  live.drill.phase() === 'ended' || live.drill.phase() === 'aborted';

/**
 * Who played which role, for the report's roster: joins are the room's, not drill facts, so
 * the names come from here. An anonymised report names nobody.
 */
const playersOf = (live: LiveDrill, anonymise: boolean): AarPlayer[] | null =>
  anonymise ? null : live.room.participants().map(({ name, roles }) => ({ name, roles }));

export function reviewRoutes(app: FastifyInstance, host: DrillHost, access: ServerAccess): void {
  const drillCaller = { onRequest: requireDrillCaller(host) };

  // The server's facilitator key reads every drill's scorecard (history, comparisons).
  app.get(
    '/api/drills/:id/scorecard',
    { onRequest: requireDrillCaller(host, { serverKey: access }) },
    async (request, reply) => {
      const { live, caller } = drillAccessOf(request);
      if (caller.viewer.audience !== 'facilitator' && !isOver(live))
        return sendError(reply, 403, 'the scorecard is shown once the drill has ended');
      return scoreDrill(live.drill.scenario, live.drill.log, {
        endMs: live.drill.drillTimeAt(host.now()),
      });
    },
  );

  // A damaged drill's facilitator gets its stored rows as they are, with the reason.
  const exportAccess = { onRequest: requireDrillCaller(host, { admitDamaged: true }) };
  app.get<ReviewRequest>('/api/drills/:id/export', exportAccess, async (request, reply) => {
    const damaged = damagedDrillOf(request);
    if (damaged) {
      const rows = await host.damaged.rawRows(damaged.stored.id);
      if (!rows) return sendError(reply, 404, 'no such drill');
      return buildDamagedExport(rows, damaged.reason);
    }
    const { live, caller } = drillAccessOf(request);
    if (caller.viewer.audience !== 'facilitator')
      return sendError(reply, 403, 'only the facilitator may export a drill');
    const { stored } = live;
    const anonymise = request.query.anonymise === 'true';
    const log = anonymise ? anonymiseLog(live.drill.log) : live.drill.log;
    const { scenario } = live.drill;
    const card = scoreDrill(scenario, log, { endMs: live.drill.drillTimeAt(host.now()) });
    const players = playersOf(live, anonymise);
    return buildExport({
      drillId: live.id,
      scenarioFile: stored.scenarioFile,
      scenarioSource: stored.scenarioSource,
      scenario,
      log,
      report: {
        markdown: renderAfterActionMarkdown(card, scenario, log, players),
        document: buildAfterActionReport({ card, scenario, log, players }),
      },
      ...(players === null ? {} : { players }),
    });
  });

  // The scorecard as a document to share: Markdown, or CSV (one table at a time).
  app.get<ReviewRequest>('/api/drills/:id/report', drillCaller, async (request, reply) => {
    const { live, caller } = drillAccessOf(request);
    if (caller.viewer.audience !== 'facilitator' && !isOver(live))
      return sendError(reply, 403, 'the report is shown once the drill has ended');
    const { format = 'markdown', table = 'expectations', anonymise } = request.query;
    const log = anonymise === 'true' ? anonymiseLog(live.drill.log) : live.drill.log;
    const card = scoreDrill(live.drill.scenario, log, {
      endMs: live.drill.drillTimeAt(host.now()),
    });
    const name = `firedrill-${live.drill.scenario.id}-${live.id}`;
    const players = playersOf(live, anonymise === 'true');
    // The report view's document: the debrief is in it, so the facilitator's alone.
    if (format === 'json') {
      if (caller.viewer.audience !== 'facilitator')
        return sendError(reply, 403, 'only the facilitator may read the after-action report');
      return buildAfterActionReport({ card, scenario: live.drill.scenario, log, players });
    }
    if (format === 'markdown') {
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.md"`)
        .send(
          // The facilitator's is the after-action report, debrief included; the debrief is
          // the facilitator's alone, so a participant's is the scorecard.
          caller.viewer.audience === 'facilitator'
            ? renderAfterActionMarkdown(card, live.drill.scenario, log, players)
            : renderScorecardMarkdown(card, live.drill.scenario),
        );
    }
    const csvTable = csvTableNames.find((name) => name === table);
    if (format === 'csv' && csvTable !== undefined) {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${csvTable}.csv"`)
        .send(renderScorecardCsv(card, live.drill.scenario, log, csvTable));
    }
    return sendError(
      reply,
      400,
      `format is markdown, json, or csv with table=${csvTableNames.join(', table=')}`,
    );
  });
}
