/**
 * Game days with real AWS FIS experiments: the pre-flight (what would run, where, with which
 * role and stop conditions) and arming. Real experiments only when the server was started
 * with --allow-real-fis, only for a drill its facilitator armed, and only from loopback or
 * TLS: a token sniffed on a meeting-room Wi-Fi must not reach an AWS account. The same rule
 * holds for every action that can start one (real-experiment-rule.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ArmReply, PreflightReply } from '../../protocol/preflight';
import type { DrillHost } from '../drill-host';
import { isLocalOrTls } from './real-experiment-rule';
import { drillAccessOf, requireDrillCaller } from './access-hooks';
import { sendError } from './api-error';

export interface FisAccess {
  readonly allowed: boolean;
  /** Shown in the pre-flight: where the FIS calls go. */
  readonly endpoint: string;
}

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
    if (!fis.allowed || !gateway)
      return sendError(
        reply,
        409,
        'this server was not started with --allow-real-fis: every experiment is a dry run',
      );
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
    } satisfies PreflightReply;
  });

  app.post('/api/drills/:id/arm', drillCaller, async (request, reply) => {
    const live = facilitatorDrill(request);
    if (!live) return sendError(reply, 401, 'the facilitator token of this drill is required');
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

/** The arming rule's connection check, where the game-day tests have always found it. */
export { isLocalOrTls } from './real-experiment-rule';
