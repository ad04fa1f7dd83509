/**
 * Who may see what (api.md): the facilitator sees everything; the projector sees the clock,
 * severity, public injects once fired, metrics, pages and acknowledgements; a participant
 * sees that plus what is addressed to their roles. Never upcoming injects, unfired
 * surprises, expectations or scores. Applied to HTTP bodies and WebSocket frames alike.
 */
import type { LogEntry } from '../engine/log';
import { scenarioIndex } from '../engine/scenario-index';
import type {
  Audience,
  InjectContent,
  PublicScenario,
  VisibleEntry,
} from '../protocol/drill-snapshot';
import type { Inject, Scenario } from '../scenario/types';

export interface Viewer {
  readonly audience: Audience;
  /** The participant's roles; empty for the projector and the facilitator. */
  readonly roles: readonly string[];
}

const alwaysPublic = new Set([
  'drill.started',
  'drill.paused',
  'drill.resumed',
  'drill.speed_changed',
  'drill.ended',
  'drill.aborted',
  'escalation.recorded',
  'escalation.unanswered',
  'acknowledgement.recorded',
  'severity.declared',
  'experiment.state_changed',
]);

/** The entries a viewer may see, with inject content attached to the injects they may see. */
export function visibleEntries(
  scenario: Scenario,
  log: readonly LogEntry[],
  entries: readonly LogEntry[],
  viewer: Viewer,
): VisibleEntry[] {
  const visible: VisibleEntry[] = [];
  for (const entry of entries) {
    const shown = visibleEntry(scenario, log, entry, viewer);
    if (shown) visible.push(shown);
  }
  return visible;
}

function visibleEntry(
  scenario: Scenario,
  log: readonly LogEntry[],
  entry: LogEntry,
  viewer: Viewer,
): VisibleEntry | null {
  if (entry.type === 'inject.fired') {
    const inject = scenarioIndex(scenario).injects.get(entry.payload.inject);
    if (!inject) return null;
    if (viewer.audience === 'facilitator') return { ...entry, inject: injectContent(inject, true) };
    return addressedTo(inject.to, viewer)
      ? { ...entry, inject: injectContent(inject, false) }
      : null;
  }
  if (viewer.audience === 'facilitator') return entry;
  return mayOthersSee(scenario, log, entry, viewer) ? withoutMeta(entry) : null;
}

function mayOthersSee(
  scenario: Scenario,
  log: readonly LogEntry[],
  entry: LogEntry,
  viewer: Viewer,
): boolean {
  if (alwaysPublic.has(entry.type)) return true;
  const own = (role: string | null) =>
    role !== null && viewer.audience === 'participant' && viewer.roles.includes(role);
  switch (entry.type) {
    case 'inject.adhoc_sent':
      return addressedTo(entry.payload.to, viewer);
    case 'effect.began':
    case 'effect.ended':
      return entry.payload.effect.type === 'severity';
    case 'handoff.recorded':
      return own(entry.payload.from) || own(entry.payload.to);
    case 'checklist.checked':
    case 'checklist.unchecked':
      return own(
        scenario.checklists.find((checklist) => checklist.id === entry.payload.checklist)?.role ??
          null,
      );
    case 'decision.recorded':
      return own(entry.payload.by);
    case 'note.recorded':
      return own(entry.payload.by);
    case 'fact.retracted': {
      const target = log[entry.payload.seq - 1];
      return (
        target !== undefined &&
        target.type !== 'fact.retracted' &&
        mayOthersSee(scenario, log, target, viewer)
      );
    }
    default:
      return false;
  }
}

function addressedTo(to: readonly string[] | null, viewer: Viewer): boolean {
  if (to === null) return true;
  return viewer.audience === 'participant' && to.some((role) => viewer.roles.includes(role));
}

function injectContent(inject: Inject, withQuestions: boolean): InjectContent {
  return {
    id: inject.id,
    kind: inject.kind,
    title: inject.title,
    body: inject.body,
    from: inject.from,
    to: inject.to,
    metric: inject.metric,
    ...(withQuestions ? { questions: inject.questions } : {}),
  };
}

/** The parts of a scenario every player may know; a participant sees only their roles' checklists. */
export function publicScenario(scenario: Scenario, viewer: Viewer): PublicScenario {
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    mode: scenario.mode,
    durationMs: scenario.durationMs,
    roles: scenario.roles.map((role) => ({ id: role.id, name: role.name, npc: role.npc !== null })),
    escalationPaths: scenario.escalationPaths,
    templates: scenario.templates,
    checklists:
      viewer.audience === 'facilitator'
        ? scenario.checklists
        : scenario.checklists.filter((checklist) => viewer.roles.includes(checklist.role)),
  };
}

/** Who sent an action, and its client id, are the facilitator's to know. */
function withoutMeta(entry: LogEntry): LogEntry {
  if (!entry.meta) return entry;
  const { meta, ...rest } = entry;
  return rest as LogEntry;
}
