/**
 * An independent reading of scoring.md's "Qualifying fact, by kind", written from the
 * scenario's own data (paths, authorities, the severity scale) rather than with the engine's
 * helpers: the shipped-drills test uses it to check that every expectation a scorecard calls
 * met was met by a fact that really answers it, not by one that merely happened in time.
 */
import type { LogEntry } from '../../src/engine/log';
import type { ExpectationCard, Scorecard } from '../../src/engine/score/scorecard';
import type { Expectation, Scenario } from '../../src/scenario/types';

/** The roles whose escalation answers an `escalate_to`: the role, and those above it on `path`. */
function answeringRoles(scenario: Scenario, role: string, pathId: string | null): string[] {
  const levels = scenario.escalationPaths.find(({ id }) => id === pathId)?.levels ?? [];
  const index = levels.findIndex((level) => level.role === role);
  return [role, ...(index < 0 ? [] : levels.slice(index + 1).map((level) => level.role))];
}

function holdsNeeds(scenario: Scenario, decisionId: string, role: string): boolean {
  const needs = scenario.decisions.find(({ id }) => id === decisionId)?.needs ?? null;
  if (needs === null) return true;
  return scenario.roles.find(({ id }) => id === role)?.authority.includes(needs) ?? false;
}

/** "At least SEV2": SEV2 or anything listed before it in the scale. */
function isAtLeast(scenario: Scenario, declared: string, wanted: string): boolean {
  const declaredAt = scenario.severities.indexOf(declared);
  return declaredAt >= 0 && declaredAt <= scenario.severities.indexOf(wanted);
}

/** Why `entry` does not answer `expectation`, or null when it does. */
function mismatch(scenario: Scenario, expectation: Expectation, entry: LogEntry): string | null {
  const goal = expectation.goal;
  const allowed = (role: string | null) =>
    expectation.by === null || (role !== null && expectation.by.includes(role));
  switch (goal.kind) {
    case 'escalate': {
      if (entry.type !== 'escalation.recorded') return `is a ${entry.type}, not an escalation`;
      const { from, to, delivered, system } = entry.payload;
      if (system) return 'is a system page';
      if (!delivered) return 'was not delivered';
      if (!allowed(from)) return `came from ${String(from)}, not one of ${String(expectation.by)}`;
      const roles = answeringRoles(scenario, goal.role, goal.path);
      return roles.includes(to) ? null : `went to ${to}, not to ${roles.join(' or ')}`;
    }
    case 'decide': {
      if (entry.type !== 'decision.recorded') return `is a ${entry.type}, not a decision`;
      const { decision, by } = entry.payload;
      if (decision !== goal.decision) return `decided ${decision}, not ${goal.decision}`;
      if (!allowed(by)) return `was taken by ${by}, not one of ${String(expectation.by)}`;
      return holdsNeeds(scenario, decision, by) ? null : `${by} lacks the authority`;
    }
    case 'declare': {
      if (entry.type !== 'severity.declared') return `is a ${entry.type}, not a declaration`;
      const { severity, by } = entry.payload;
      if (!allowed(by)) return `was declared by ${by}, not one of ${String(expectation.by)}`;
      return isAtLeast(scenario, severity, goal.severity)
        ? null
        : `declared ${severity}, less than ${goal.severity}`;
    }
    case 'handoff': {
      if (entry.type !== 'handoff.recorded') return `is a ${entry.type}, not a handoff`;
      const { from, to, delivered } = entry.payload;
      if (delivered === false) return 'was not delivered';
      if (!allowed(from)) return `came from ${from}, not one of ${String(expectation.by)}`;
      if (goal.from !== null && goal.from !== from) return `came from ${from}, not ${goal.from}`;
      return goal.to === null || goal.to === to ? null : `went to ${to}, not ${goal.to}`;
    }
  }
}

/** Whether the fact falls in the expectation's window: up to the deadline, or anticipated. */
function windowProblem(expectation: Expectation, card: ExpectationCard, entry: LogEntry) {
  const triggeredMs = (card.triggered_at_s ?? Number.NaN) * 1000;
  const earliest = expectation.anticipate ? triggeredMs - expectation.deadlineMs : triggeredMs;
  const latest = triggeredMs + expectation.deadlineMs;
  if (entry.drillMs < earliest || entry.drillMs > latest)
    return `at ${entry.drillMs / 1000}s is outside ${earliest / 1000}s..${latest / 1000}s`;
  return null;
}

/**
 * One line per met (on time or late) expectation whose traced fact does not answer it: a
 * missing trace, a fact that is not in the log, of the wrong kind, from a role not in `by`,
 * to a role below the one expected, without authority, of a lesser severity, or out of time.
 */
export function unansweredMetExpectations(
  scenario: Scenario,
  card: Scorecard,
  log: readonly LogEntry[],
): string[] {
  const retracted = new Set(
    log.flatMap((entry) => (entry.type === 'fact.retracted' ? [entry.payload.seq] : [])),
  );
  const problems: string[] = [];
  for (const expectationCard of card.expectations) {
    if (expectationCard.verdict !== 'on_time' && expectationCard.verdict !== 'late') continue;
    const expectation = scenario.expectations.find(({ id }) => id === expectationCard.id);
    const seq = expectationCard.trace.escalation;
    const entry = log.find((candidate) => candidate.seq === seq);
    const problem =
      expectation === undefined
        ? 'is not in the scenario'
        : entry === undefined
          ? `has no fact in the log (trace ${String(seq)})`
          : retracted.has(entry.seq)
            ? `was met by fact ${entry.seq}, which was retracted`
            : (mismatch(scenario, expectation, entry) ??
              windowProblem(expectation, expectationCard, entry));
    if (problem !== null) problems.push(`${expectationCard.id}: fact ${String(seq)} ${problem}`);
  }
  return problems;
}
