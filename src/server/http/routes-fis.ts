/**
 * Game days with real AWS FIS experiments: the pre-flight (what would run, where, with which
 * role and stop conditions) and arming. Real experiments only when the server was started
 * with --allow-real-fis, only for a drill its facilitator armed, and only from loopback or
 * TLS: a token sniffed on a meeting-room Wi-Fi must not reach an AWS account. The same rule
 * holds for every action that can start one (real-experiment-rule.ts).
 *
 * The same routes carry real PagerDuty pages (issue 17): the pre-flight lists what will be
 * paged (names, never keys) on any server, `--allow-real-fis` or not, and `{"pages": true}`
 * arms them under the same rule (real-page-rule.ts) once every routing key is configured.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ArmReply, PreflightReply } from '../../protocol/preflight';
import { armBody } from '../../protocol/preflight';
import type { DrillHost } from '../drill-host';
import type { IntegrationSettings } from '../integrations/integration-settings';
import { pageArmingProblem, preflightPages } from '../integrations/real-page-preflight';
import type { LiveDrill } from '../live-drill';
import { isLocalOrTls } from './real-experiment-rule';
import { drillAccessOf, requireDrillCaller } from './access-hooks';
import { sendError } from './api-error';

export interface FisAccess {
  readonly allowed: boolean;
  /** Shown in the pre-flight: where the FIS calls go. */
  readonly endpoint: string;
  /** The routing keys real pages may use (their names are all the pre-flight shows). */
  readonly integrations: IntegrationSettings;
}

const noRealFis =
  'this server was not started with --allow-real-fis: every experiment is a dry run';

export function fisRoutes(app: FastifyInstance, host: DrillHost, fis: FisAccess): void {
  const drillCaller = { onRequest: requireDrillCaller(host) };
  /** The drill, when its facilitator is calling. */
  const facilitatorDrill = (request: FastifyRequest) => {
    const { live, caller } = drillAccessOf(request);
    return caller.viewer.audience === 'facilitator' ? live : null;
  };

  app.get('/api/drills/:id/preflight', drillCaller, async (request, reply) => {
    const live = facilitatorDrill(request);
    if (!live) return sendError(reply, 401, 'the facilitator token of this drill is required');
    const gateway = host.realFis;
    const pages = {
      pagesArmed: live.drill.state().pagesArmed,
      pages: preflightPages(live.drill.scenario, fis.integrations),
    };
    if (!fis.allowed || !gateway) {
      // Experiments are dry runs here (409 as ever), but a scenario that pages still lists them.
      if (pages.pages.length === 0) return sendError(reply, 409, noRealFis);
      return {
        endpoint: fis.endpoint,
        armed: live.drill.state().armed,
        experiments: dryRunOnly(live),
        ...pages,
      } satisfies PreflightReply;
    }
    const experiments = await Promise.all(
      live.drill.scenario.experiments.map(async (experiment) => {
        const template = await gateway
          .getExperimentTemplate(experiment.template, experiment.region)
          .catch((error: unknown) => error);
        if (template instanceof Error || !('roleArn' in (template as object))) {
          return {
            id: experiment.id,
            template: experiment.template,
            region: experiment.region,
            error: String((template as Error).message ?? template),
            warnings: [],
          };
        }
        const { id: _templateId, ...found } = template as Awaited<
          ReturnType<typeof gateway.getExperimentTemplate>
        >;
        const warnings =
          found.stopConditions.length === 0
            ? ['NO STOP CONDITION: nothing will stop this experiment but Firedrill or a person']
            : [];
        return {
          id: experiment.id,
          template: experiment.template,
          region: experiment.region,
          ...found,
          warnings,
        };
      }),
    );
    return {
      endpoint: fis.endpoint,
      armed: live.drill.state().armed,
      experiments,
      ...pages,
    } satisfies PreflightReply;
  });

  app.post('/api/drills/:id/arm', drillCaller, async (request, reply) => {
    const live = facilitatorDrill(request);
    if (!live) return sendError(reply, 401, 'the facilitator token of this drill is required');
    const body = armBody.safeParse(request.body ?? {});
    if (!body.success)
      return sendError(reply, 400, 'the body is empty (arm experiments) or {"pages": true}');
    if (body.data.pages === true) {
      if (!isLocalOrTls(request.socket.remoteAddress, request.protocol))
        return sendError(
          reply,
          403,
          'real pages are armed only from this machine or over TLS, never over plain HTTP on a network',
        );
      const problem = pageArmingProblem(live.drill.scenario, fis.integrations);
      if (problem) return sendError(reply, 409, problem);
      const names = preflightPages(live.drill.scenario, fis.integrations).map(
        (page) => page.routingKeyRef,
      );
      const outcome = await live.armRealPages(names);
      return outcome.ok
        ? ({ armed: true, seq: outcome.seq } satisfies ArmReply)
        : sendError(reply, outcome.status, outcome.error);
    }
    const gateway = host.realFis;
    if (!fis.allowed || !gateway)
      return sendError(reply, 409, 'this server was not started with --allow-real-fis');
    if (!isLocalOrTls(request.socket.remoteAddress, request.protocol)) {
      return sendError(
        reply,
        403,
        'real experiments are armed only from this machine or over TLS, never over plain HTTP on a network',
      );
    }
    const regions = [
      ...new Set(live.drill.scenario.experiments.map((experiment) => experiment.region)),
    ];
    const outcome = await live.arm(gateway, regions, fis.endpoint);
    return outcome.ok
      ? ({ armed: true, seq: outcome.seq } satisfies ArmReply)
      : sendError(reply, outcome.status, outcome.error);
  });
}

/** Without real FIS each experiment is listed with why it will be a dry run. */
function dryRunOnly(live: LiveDrill) {
  return live.drill.scenario.experiments.map((experiment) => ({
    id: experiment.id,
    template: experiment.template,
    region: experiment.region,
    error: noRealFis,
    warnings: [],
  }));
}

/** The arming rule's connection check, where the game-day tests have always found it. */
export { isLocalOrTls } from './real-experiment-rule';
