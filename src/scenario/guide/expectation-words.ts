/**
 * An expectation as a facilitator says it: "escalate to Incident commander (or higher on
 * engineering) within 5 minutes of “Alarm: checkout p99 latency above 2 s”; missed after 15
 * minutes". The scenario page and the facilitator's guide both print this sentence.
 */
import type { Expectation, Scenario } from '../types';

/** `5 minutes`, `1 hour 30 minutes`, `90 seconds`: durations as spoken. */
export function spokenDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const unit = (count: number, name: string) =>
    count === 0 ? null : `${count} ${name}${count === 1 ? '' : 's'}`;
  const parts = [unit(hours, 'hour'), unit(minutes, 'minute'), unit(seconds, 'second')].filter(
    (part) => part !== null,
  );
  return parts.length === 0 ? 'no time' : parts.join(' ');
}

function roleList(scenario: Scenario, ids: readonly string[]): string {
  const names = ids.map((id) => scenario.roles.find((role) => role.id === id)?.name ?? id);
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}

function goalWords(scenario: Scenario, expectation: Expectation): string {
  const goal = expectation.goal;
  switch (goal.kind) {
    case 'escalate':
      return `escalate to ${roleList(scenario, [goal.role])}${goal.path === null ? '' : ` (or higher on ${goal.path})`}`;
    case 'decide': {
      const decision = scenario.decisions.find(({ id }) => id === goal.decision);
      const holders = scenario.roles
        .filter((role) => decision?.needs != null && role.authority.includes(decision.needs))
        .map((role) => role.id);
      const who = holders.length > 0 ? `, taken by ${roleList(scenario, holders)}` : '';
      return `decide “${decision?.title ?? goal.decision}”${who}`;
    }
    case 'declare':
      return `declare ${goal.severity} or worse`;
    case 'handoff':
      return `hand off${goal.from === null ? '' : ` from ${roleList(scenario, [goal.from])}`}${goal.to === null ? '' : ` to ${roleList(scenario, [goal.to])}`}`;
  }
}

function triggerWords(scenario: Scenario, expectation: Expectation): string {
  const trigger = expectation.trigger;
  switch (trigger.type) {
    case 'inject': {
      const inject = scenario.injects.find(({ id }) => id === trigger.inject);
      return `of “${inject?.title ?? trigger.inject}”`;
    }
    case 'at':
      return `of the ${spokenDuration(trigger.atMs)} mark`;
    case 'expectation': {
      const parent = scenario.expectations.find(({ id }) => id === trigger.expectation);
      return `of “${parent?.title ?? trigger.expectation}” being met`;
    }
  }
}

/** The whole sentence, lower-case first word (callers capitalise where it starts a line). */
export function expectationWords(scenario: Scenario, expectation: Expectation): string {
  const by = expectation.by === null ? '' : ` (by ${roleList(scenario, expectation.by)})`;
  const every =
    expectation.everyMs === null ? '' : `, then again every ${spokenDuration(expectation.everyMs)}`;
  const early = expectation.anticipate ? '' : '; anything sent before then does not count';
  return (
    `${goalWords(scenario, expectation)}${by} within ${spokenDuration(expectation.targetMs)} ` +
    `${triggerWords(scenario, expectation)}${every}; missed after ` +
    `${spokenDuration(expectation.deadlineMs)}${early}`
  );
}

/** `Escalate to …`: the sentence as a line of its own. */
export function expectationSentence(scenario: Scenario, expectation: Expectation): string {
  const words = expectationWords(scenario, expectation);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
