/**
 * A scenario's parts in words, the same on every surface (the scenario page, the simulated
 * timeline, reports): what a `when` waits for, what an expectation asks, what an effect does.
 */
import { formatDuration } from './duration';
import type { Condition, Effect, ExpectationGoal, UntilCondition } from './types';

/** How a scenario's ids read in words; `asIds` keeps the ids (the engine's timelines). */
export interface ScenarioNames {
  readonly role: (id: string) => string;
  readonly inject: (id: string) => string;
  readonly expectation: (id: string) => string;
  readonly decision: (id: string) => string;
}

const same = (id: string) => id;
export const asIds: ScenarioNames = { role: same, inject: same, expectation: same, decision: same };

/** `5m after restore-path was decided (restore-6h-snapshot)`, `db-oncall acknowledged`. */
export function conditionText(condition: Condition, names: ScenarioNames = asIds): string {
  const after = `${formatDuration('delayMs' in condition ? condition.delayMs : 0)} after `;
  switch (condition.type) {
    case 'after':
      return `${after}${names.inject(condition.inject)} fired`;
    case 'met':
      return `${after}${names.expectation(condition.expectation)} was met`;
    case 'unmet':
      return `${names.expectation(condition.expectation)} was still unmet at ${formatDuration(condition.atMs)}`;
    case 'experiment':
      return `experiment ${condition.experiment} reached ${condition.status}`;
    case 'decided':
      return `${after}${names.decision(condition.decision)} was decided${condition.option === null ? '' : ` (${condition.option})`}`;
    case 'undecided':
      return `${names.decision(condition.decision)} was still undecided at ${formatDuration(condition.atMs)}`;
    case 'declared':
      return `${after}${condition.severity} or worse was declared`;
    case 'acknowledged':
      return `${after}${names.role(condition.role)} acknowledged`;
  }
}

/** `Escalate to Incident commander (or higher)`, `Declare SEV1 or worse`. */
export function goalText(goal: ExpectationGoal, roleName: (id: string) => string): string {
  switch (goal.kind) {
    case 'escalate':
      return `Escalate to ${roleName(goal.role)}${goal.path ? ' (or higher)' : ''}`;
    case 'decide':
      return `Decide ${goal.decision}`;
    case 'declare':
      return `Declare ${goal.severity} or worse`;
    case 'handoff':
      return `Hand off${goal.from ? ` from ${roleName(goal.from)}` : ''}${goal.to ? ` to ${roleName(goal.to)}` : ''}`;
  }
}

/** `ic is unreachable over chat, email`, `every channel is down`; `null` for non-lasting effects. */
export function lastingEffectText(effect: Effect, names: ScenarioNames = asIds): string | null {
  if (effect.type === 'unavailable')
    return `${names.role(effect.role)} is unreachable${effect.channels ? ` over ${effect.channels.join(', ')}` : ''}`;
  if (effect.type === 'channel_down')
    return effect.channels === 'all'
      ? 'every channel is down'
      : `${effect.channels.join(', ')} down`;
  return null;
}

/** How long a lasting effect lasts, as written: `for 15m`, `until restore-path is decided`. */
export function effectLengthText(
  effect: { readonly forMs: number | null; readonly until: UntilCondition | null },
  names: ScenarioNames = asIds,
): string {
  const parts = [
    effect.forMs === null ? null : `for ${formatDuration(effect.forMs)}`,
    effect.until === null ? null : `until ${untilText(effect.until, names)}`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'to the end' : parts.join(', or ');
}

function untilText(until: UntilCondition, names: ScenarioNames): string {
  const later = until.delayMs > 0 ? `${formatDuration(until.delayMs)} after ` : '';
  if (until.type === 'decided')
    return `${later}${names.decision(until.decision)} is decided${until.option === null ? '' : ` (${until.option})`}`;
  if (until.type === 'declared') return `${later}${until.severity} or worse is declared`;
  return `${later}${names.expectation(until.expectation)} is met`;
}
