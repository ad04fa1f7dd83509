/**
 * What the team does: escalate, acknowledge, hand off, tick checklists, decide, declare
 * severity, take notes. Each checks its references first and records nothing when refused.
 */
import type { ActionOf } from './actions';
import { channelProblem, severityProblem } from '../scenario/scales';
import type { Decision } from '../scenario/types';
import { refuse } from './action-outcome';
import type { DrillState } from './drill-state';
import { meetByFact } from './expectation-tracking';
import { isUnavailable, openEscalationsTo, sendPage } from './pages';
import type { FactPayloads } from './log';
import type { Recorder } from './recorder';
import { scenarioIndex } from './scenario-index';

type TeamAction = ActionOf<
  'escalate' | 'ack' | 'handoff' | 'check' | 'uncheck' | 'decide' | 'declare' | 'note'
>;

export function decideTeamAction(
  state: DrillState,
  recorder: Recorder,
  action: TeamAction,
  atMs: number,
): void {
  switch (action.type) {
    case 'escalate': {
      requireRole(state, action.from, 'from');
      requireRole(state, action.to, 'to');
      refuseIf(channelProblem(state.scenario, action.channel));
      sendPage(
        state,
        recorder,
        {
          from: action.from,
          to: action.to,
          channel: action.channel,
          message: action.message ?? {},
          covered: action.covered ?? [],
          system: false,
          via: null,
        },
        atMs,
      );
      return;
    }
    case 'ack':
      return acknowledge(state, recorder, action, atMs);
    case 'handoff':
      requireRole(state, action.from, 'from');
      requireRole(state, action.to, 'to');
      recordAndMeet(
        state,
        recorder,
        'handoff.recorded',
        {
          from: action.from,
          to: action.to,
          message: action.message ?? {},
          covered: action.covered ?? [],
          // A handoff has no channel: only the receiving role's being unavailable stops it.
          delivered: !isUnavailable(state, action.to, atMs),
        },
        atMs,
      );
      return;
    case 'check':
    case 'uncheck': {
      requireRole(state, action.by, 'by');
      const items = state.checklists.get(action.checklist);
      if (!items) refuse(400, `unknown checklist "${action.checklist}"`);
      if (action.item >= items.length)
        refuse(
          400,
          `checklist "${action.checklist}" has ${items.length} items (0 to ${items.length - 1})`,
        );
      const checking = action.type === 'check';
      if (items[action.item] === checking)
        refuse(
          409,
          `item ${action.item} of "${action.checklist}" is already ${checking ? 'checked' : 'unchecked'}`,
        );
      recorder.record(
        checking ? 'checklist.checked' : 'checklist.unchecked',
        { checklist: action.checklist, item: action.item, by: action.by },
        atMs,
      );
      return;
    }
    case 'decide': {
      requireRole(state, action.by, 'by');
      const decision = state.scenario.decisions.find(
        (candidate) => candidate.id === action.decision,
      );
      if (!decision) refuse(400, `unknown decision "${action.decision}"`);
      refuseIf(optionProblem(decision, action.option));
      const role = state.scenario.roles.find((candidate) => candidate.id === action.by);
      const authorized =
        decision.needs === null || (role?.authority.includes(decision.needs) ?? false);
      const rationale = action.rationale?.trim() ?? '';
      recordAndMeet(
        state,
        recorder,
        'decision.recorded',
        {
          decision: action.decision,
          by: action.by,
          authorized,
          ...(action.option === undefined ? {} : { option: action.option }),
          ...(rationale === '' ? {} : { rationale }),
        },
        atMs,
      );
      return;
    }
    case 'declare':
      requireRole(state, action.by, 'by');
      refuseIf(severityProblem(state.scenario, action.severity));
      recordAndMeet(
        state,
        recorder,
        'severity.declared',
        { severity: action.severity, by: action.by },
        atMs,
      );
      return;
    case 'note':
      if (action.by !== 'facilitator') requireRole(state, action.by, 'by');
      recorder.record('note.recorded', { by: action.by, text: action.text }, atMs);
      return;
  }
}

function acknowledge(
  state: DrillState,
  recorder: Recorder,
  action: ActionOf<'ack'>,
  atMs: number,
): void {
  requireRole(state, action.by, 'by');
  const open = openEscalationsTo(state, action.by).filter(
    (seq) => (state.escalations.get(seq)?.atMs ?? Infinity) <= atMs,
  );
  const chosen =
    action.escalation === undefined ? open : open.filter((seq) => seq === action.escalation);
  if (chosen.length === 0) {
    refuse(
      409,
      action.escalation === undefined
        ? `nothing open to acknowledge for "${action.by}"`
        : `escalation ${action.escalation} is not an open page to "${action.by}"`,
    );
  }
  for (const escalation of chosen)
    recorder.record(
      'acknowledgement.recorded',
      { by: action.by, escalation, automatic: false },
      atMs,
    );
}

/** Records a decide, declare or handoff, and meets the expectations it qualifies for. */
function recordAndMeet<K extends 'handoff.recorded' | 'decision.recorded' | 'severity.declared'>(
  state: DrillState,
  recorder: Recorder,
  type: K,
  payload: FactPayloads[K],
  atMs: number,
): void {
  meetByFact(state, recorder, recorder.record(type, payload, atMs));
}

/** A decision with options needs one of them; one without takes none. */
function optionProblem(decision: Decision, option: string | undefined): string | null {
  const { id, options } = decision;
  if (options === null)
    return option === undefined ? null : `decision "${id}" has no options; send it without one`;
  if (option === undefined) return `decision "${id}" needs an option: ${options.join(', ')}`;
  return options.includes(option)
    ? null
    : `decision "${id}" has no option "${option}" (options: ${options.join(', ')})`;
}

/** A refusal (400) when the scenario's own scales rule the value out. */
function refuseIf(problem: string | null): void {
  if (problem !== null) refuse(400, problem);
}

function requireRole(state: DrillState, role: string, field: string): void {
  if (!scenarioIndex(state.scenario).roles.has(role)) {
    refuse(
      400,
      `${field}: unknown role "${role}" (roles: ${state.scenario.roles.map((candidate) => candidate.id).join(', ')})`,
    );
  }
}

/** The role a team action is taken as, for checking a participant's permissions. */
export function actingRole(action: TeamAction): string {
  switch (action.type) {
    case 'escalate':
    case 'handoff':
      return action.from;
    default:
      return action.by;
  }
}
