/**
 * The facilitator's ad-hoc inject: a message typed during the drill, to everyone or to the
 * roles named, with optional effects in the format's syntax ("your phone died": the role
 * unavailable for 10m; a channel down; a severity). Not experiments: those have their own
 * controls, which the server holds to the arming rule. Its effects begin as a scenario inject's do, named `adhoc-<seq>`
 * after the fact that sent them, so they end, block and replay the same way.
 */
import { toEffect } from '../scenario/normalize-scenario';
import type { Effect } from '../scenario/types';
import type { ActionOf } from './actions';
import { refuse } from './action-outcome';
import type { DrillState } from './drill-state';
import { beginEffect } from './fire-inject';
import type { Recorder } from './recorder';

/** The inject name an ad-hoc inject's effects carry: unique, since seqs are. */
export const adhocInjectName = (seq: number) => `adhoc-${seq}`;

export function sendAdhocInject(
  state: DrillState,
  recorder: Recorder,
  action: ActionOf<'adhoc_inject'>,
  atMs: number,
): void {
  for (const roleId of action.to ?? []) {
    const role = state.scenario.roles.find((candidate) => candidate.id === roleId);
    if (!role) refuse(400, `to: unknown role "${roleId}"`);
    // An audience (status page, customers) never joins: nobody would read it.
    if (role.audience) refuse(400, `to: "${roleId}" is an audience, which nobody plays`);
  }
  const effects = (action.effects ?? []).map((written, index) => {
    // `until` waits on conditions a scenario's checks vouch for; an ad-hoc effect has none.
    if (written.until !== undefined)
      refuse(400, `effects.${index}: an ad-hoc effect lasts \`for\` a while or to the end`);
    // A real page goes only where the armed scenario said: the pre-flight listed those.
    if (written.page_real !== undefined)
      refuse(400, `effects.${index}: an ad-hoc inject never pages for real`);
    const effect = toEffect(written);
    const problem = effectProblem(state, effect);
    if (problem !== null) refuse(400, `effects.${index}: ${problem}`);
    return effect;
  });
  const sent = recorder.record(
    'inject.adhoc_sent',
    { kind: action.kind, title: action.title, body: action.body ?? '', to: action.to ?? null },
    atMs,
  );
  for (const effect of effects)
    beginEffect(state, recorder, adhocInjectName(sent.seq), effect, atMs);
}

/** Why an ad-hoc inject may not have this effect, for a person; `null` if it may. */
function effectProblem(state: DrillState, effect: Effect): string | null {
  const { scenario } = state;
  const knownChannel = (channel: string) =>
    scenario.channels === null || scenario.channels.includes(channel);
  switch (effect.type) {
    case 'unavailable': {
      const role = scenario.roles.find((candidate) => candidate.id === effect.role);
      if (!role) return `unknown role "${effect.role}"`;
      const channel = (effect.channels ?? []).find((candidate) => !knownChannel(candidate));
      return channel === undefined ? null : `unknown channel "${channel}"`;
    }
    case 'channel_down': {
      if (effect.channels === 'all') return null;
      const channel = effect.channels.find((candidate) => !knownChannel(candidate));
      return channel === undefined ? null : `unknown channel "${channel}"`;
    }
    case 'severity':
      return scenario.severities.includes(effect.severity)
        ? null
        : `unknown severity "${effect.severity}"`;
    case 'start_experiment':
    case 'stop_experiment':
      // Experiments have their own controls, held to the arming rule (real-experiment-rule.ts).
      return 'start or stop an experiment from its own control, not an ad-hoc inject';
  }
}
