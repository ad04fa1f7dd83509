/**
 * Runs a drill at full speed on a simulated clock: the scenario's injects, the script's
 * actions at their drill times, and dry-run experiments, all on one clock that jumps from
 * one due moment to the next. The same engine as a live drill; only the clock differs.
 */
import type { ActionRequest } from '../../engine/action-outcome';
import type { Drill } from '../../engine/drill';
import { createDrill } from '../../engine/drill';
import type { ResponseScript, ScriptStep } from '../../engine/load-script';
import type { LogEntry } from '../../engine/log';
import type { Scenario } from '../../scenario/types';
import { DryRunFisGateway } from '../../fis/dry-run-fis-gateway';
import { wallTimeAt } from '../../engine/drill-clock';
import { ExperimentConductor } from '../experiment-conductor';

export interface SimulationInput {
  readonly scenario: Scenario;
  readonly script: ResponseScript | null;
  readonly seed: number;
  readonly team?: string;
}

export interface ScriptRefusal {
  readonly step: ScriptStep;
  readonly status: number;
  readonly error: string;
}

export interface SimulationResult {
  readonly drillId: string;
  readonly drill: Drill;
  readonly refusals: readonly ScriptRefusal[];
}

const facilitator = { kind: 'facilitator' } as const;
const isPhasePause = (entry: LogEntry) =>
  entry.type === 'drill.paused' && entry.payload.reason === 'phase';
/** After the end, how long the clock may run on for experiments to report that they stopped. */
const experimentWindDownMs = 60_000;

export async function runSimulation(input: SimulationInput): Promise<SimulationResult> {
  const { scenario, script, seed } = input;
  const drillId = `sim-${scenario.id}-${seed}`;
  // Simulated wall time equals drill time: nothing pauses the simulator's clock.
  let now = 0;
  const clock = () => now;
  const drill = createDrill({
    scenario,
    seed,
    ...(input.team === undefined ? {} : { team: input.team }),
    wallMs: 0,
  });
  const gateway = new DryRunFisGateway(clock);
  const conductor = new ExperimentConductor(drill, gateway, drillId);
  const refusals: ScriptRefusal[] = [];
  const steps = script?.steps ?? [];
  let nextStep = 0;
  const scriptEnd = steps.find(
    (step) => step.action.type === 'end' || step.action.type === 'abort',
  );
  const endAtMs = scriptEnd?.atMs ?? scenario.durationMs;

  // Only experiment requests need the gateway; everything else settles synchronously.
  const settle = async (entries: readonly LogEntry[]) => {
    let caused = entries;
    while (caused.some((entry) => entry.type === 'experiment.requested')) {
      caused = await conductor.handle(caused, clock);
    }
    // A phase's pause for discussion is resumed at once: nobody is in the room, and a script's
    // times are drill times, which a pause does not move.
    if (drill.phase() === 'paused' && entries.some(isPhasePause))
      await act({ action: { type: 'resume' }, actor: facilitator });
  };
  const act = async (request: ActionRequest, step?: ScriptStep) => {
    const outcome = drill.act(request, now);
    if (outcome.ok) await settle(outcome.entries);
    else if (step) refusals.push({ step, status: outcome.status, error: outcome.error });
  };

  if (!steps.some((step) => step.action.type === 'start'))
    await act({ action: { type: 'start' }, actor: facilitator });
  // Script times are drill times: map each to the wall time at which the drill clock reaches
  // it (a paused drill's clock stands still, so what is scripted then happens at once).
  const wallAt = (drillMs: number) =>
    drill.phase() === 'paused' ? now : (wallTimeAt(drill.state().clock, drillMs) ?? now);
  let stalled = 0;
  while (drill.phase() !== 'ended' && drill.phase() !== 'aborted') {
    const step = steps[nextStep];
    const stepWall = step ? wallAt(step.atMs) : Infinity;
    const endWall = scriptEnd
      ? Infinity
      : drill.phase() === 'paused' && !step
        ? now
        : wallAt(endAtMs);
    const wake = Math.min(
      drill.nextWakeAt() ?? Infinity,
      gateway.nextChangeAt() ?? Infinity,
      stepWall,
      endWall,
    );
    const logLength = drill.log.length;
    now = Math.max(now, wake);
    if (step && stepWall <= now) {
      nextStep++;
      const request = {
        action: step.action,
        actor: facilitator,
        ...(step.clientId === undefined ? {} : { clientId: step.clientId }),
      };
      await act(request, step);
    } else if (endWall <= now) {
      await settle(drill.tick(now));
      await act({ action: { type: 'end' }, actor: facilitator });
    } else {
      await settle(drill.tick(now));
      if (conductor.following) await settle(await conductor.poll(clock));
    }
    stalled = drill.log.length === logLength && wake <= now && !step ? stalled + 1 : 0;
    if (stalled > 3) throw new Error(`the simulation stopped advancing at wall time ${now} ms`);
  }
  const endedAt = drill.state().nowMs;
  for (const late of steps.slice(nextStep)) {
    refusals.push({
      step: late,
      status: 409,
      error: `the drill ended at ${endedAt / 1000}s, before this action`,
    });
  }
  await windDownExperiments(drill, gateway, conductor, (at) => (now = at), clock);
  return { drillId, drill, refusals };
}

/** Lets stopped experiments report their final states, as a host would after the end. */
async function windDownExperiments(
  drill: Drill,
  gateway: DryRunFisGateway,
  conductor: ExperimentConductor,
  setNow: (at: number) => void,
  clock: () => number,
): Promise<void> {
  const limit = clock() + experimentWindDownMs;
  for (
    let next = gateway.nextChangeAt();
    next !== null && next <= limit;
    next = gateway.nextChangeAt()
  ) {
    setNow(next);
    await conductor.poll(clock);
    if (
      ![...drill.state().experiments.values()].some(
        (experiment) => experiment.requested === 'stop' && experiment.status !== 'stopped',
      )
    )
      break;
  }
}
