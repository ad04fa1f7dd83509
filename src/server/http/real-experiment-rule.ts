/**
 * The arming rule, for arming and for every action that can start a real FIS experiment:
 * only from this machine (loopback) or over TLS, never over plain HTTP on a network, where a
 * token sniffed on a meeting-room Wi-Fi must not reach an AWS account.
 *
 * On an armed drill these actions can start one: `fire_inject` of an inject with a
 * `start_experiment` effect, `start_experiment` (v2), and `start`/`resume` while an
 * experiment is still to start on its own (by its time or condition, or by a scheduled
 * inject's effect): setting the clock running is what starts those. Team actions are not
 * held to the rule even when the armed scenario starts an experiment on a condition they
 * meet: that is the scenario the facilitator armed, and participants play from the network.
 */
import type { Action } from '../../engine/actions';
import type { Drill } from '../../engine/drill';
import type { Effect } from '../../scenario/types';
import { isLoopbackHost } from '../security/host-check';

/** Where a request or a socket came from, as the arming rule reads it. */
export interface Connection {
  readonly remoteAddress: string | undefined;
  /** `https` over TLS (Fastify's `request.protocol`). */
  readonly protocol: string;
}

export const realExperimentRefusal =
  'this action can start a real FIS experiment on this armed drill: send it from this machine or over TLS, never over plain HTTP on a network (as for arming)';

/** Arming is allowed from this machine, or over TLS; never over plain HTTP on a network. */
export function isLocalOrTls(remoteAddress: string | undefined, protocol: string): boolean {
  return protocol === 'https' || isLoopbackHost(remoteAddress?.replace(/^::ffff:/, '') ?? '');
}

/** True when the action, applied to this drill now, could start a real experiment. */
export function canStartRealExperiment(action: Action, drill: Drill): boolean {
  const state = drill.state();
  if (!state.armed) return false;
  const stillToStart = (experiment: string) =>
    state.experiments.get(experiment)?.requested === null;
  const startedBy = (effects: readonly Effect[]) =>
    effects.some((effect) => effect.type === 'start_experiment' && stillToStart(effect.experiment));
  // Like fire_inject: held to the rule when it would start one (an unknown or started one is a 400).
  if (action.type === 'start_experiment') return stillToStart(action.experiment);
  if (action.type === 'fire_inject')
    return startedBy(drill.scenario.injects.find(({ id }) => id === action.inject)?.effects ?? []);
  if (action.type === 'start' || action.type === 'resume')
    return (
      drill.scenario.experiments.some(
        (experiment) => experiment.start.type !== 'manual' && stillToStart(experiment.id),
      ) || drill.scenario.injects.some((inject) => startedBy(inject.effects))
    );
  return false;
}

/** The 403 an action gets when it could start a real experiment from an untrusted connection. */
export function realExperimentRefusalFor(
  action: Action,
  drill: Drill,
  connection: Connection,
): { readonly status: 403; readonly error: string } | null {
  if (isLocalOrTls(connection.remoteAddress, connection.protocol)) return null;
  return canStartRealExperiment(action, drill)
    ? { status: 403, error: realExperimentRefusal }
    : null;
}
