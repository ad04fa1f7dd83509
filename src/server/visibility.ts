/**
 * Who may see what (api.md): the facilitator sees everything; the projector sees the clock,
 * severity, public injects once fired, metrics, pages, acknowledgements and handoffs; a participant
 * sees that plus what is addressed to their roles. Never upcoming injects, unfired
 * surprises, expectations or scores. Applied to HTTP bodies and WebSocket frames alike;
 * metric series only as far as the drill has got (`metric-release.ts`).
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

/** The entries a viewer may see, in the log's numbering, with the content of the injects they may see. */
export function visibleEntries(
  scenario: Scenario,
  log: readonly LogEntry[],
  entries: readonly LogEntry[],
  viewer: Viewer,
): VisibleEntry[] {
  const visible: VisibleEntry[] = [];
  for (const entry of entries)
    if (isVisibleTo(scenario, log, entry, viewer))
      visible.push(shownEntry(scenario, entry, viewer.audience === 'facilitator'));
  return visible;
}

/**
 * Whether a viewer may see an entry. It depends only on the scenario, the entry, the entries
 * before it and the viewer's roles, all fixed once the entry is logged: an entry seen once is
 * seen for good, which is what lets each viewer keep its own numbering (`audience-feed.ts`).
 */
export function isVisibleTo(
  scenario: Scenario,
  log: readonly LogEntry[],
  entry: LogEntry,
  viewer: Viewer,
): boolean {
  if (entry.type === 'inject.fired' && !scenarioIndex(scenario).injects.has(entry.payload.inject))
    return false;
  return viewer.audience === 'facilitator' || mayOthersSee(scenario, log, entry, viewer);
}

/**
 * An entry as a visible entry: the facilitator's with its meta and the inject's questions,
 * everyone else's without them. Metric points are all there: `room-entry.ts` trims them.
 */
export function shownEntry(
  scenario: Scenario,
  entry: LogEntry,
  facilitator: boolean,
): VisibleEntry {
  const shown = facilitator ? entry : withoutMeta(entry);
  if (entry.type !== 'inject.fired') return shown;
  const inject = scenarioIndex(scenario).injects.get(entry.payload.inject);
  return inject ? { ...shown, inject: injectContent(inject, facilitator) } : shown;
}

/**
 * Whether the projector or a participant may see an entry. Every fact type is named here:
 * a new one does not compile until its audience is chosen.
 */
function mayOthersSee(
  scenario: Scenario,
  log: readonly LogEntry[],
  entry: LogEntry,
  viewer: Viewer,
): boolean {
  const own = (role: string | null) =>
    role !== null && viewer.audience === 'participant' && viewer.roles.includes(role);
  switch (entry.type) {
    // The clock, the phase, severity, pages and acknowledgements: the room's shared picture;
    // handoffs too (who holds whose duties now), where api.md is silent (the README says so).
    case 'drill.started':
    case 'drill.paused':
    case 'drill.resumed':
    case 'drill.speed_changed':
    case 'drill.ended':
    case 'drill.aborted':
    case 'escalation.recorded':
    case 'escalation.unanswered':
    case 'acknowledgement.recorded':
    case 'severity.declared':
    case 'experiment.state_changed':
    case 'phase.started':
    case 'handoff.recorded':
      return true;
    case 'metric.branched': {
      const inject = scenarioIndex(scenario).injects.get(entry.payload.inject);
      return inject !== undefined && addressedTo(inject.to, viewer);
    }
    case 'inject.fired': {
      const inject = scenarioIndex(scenario).injects.get(entry.payload.inject);
      return inject !== undefined && addressedTo(inject.to, viewer);
    }
    case 'inject.adhoc_sent':
      return addressedTo(entry.payload.to, viewer);
    case 'effect.began':
    case 'effect.ended':
      return entry.payload.effect.type === 'severity';
    case 'checklist.checked':
    case 'checklist.unchecked':
      return own(
        scenario.checklists.find((checklist) => checklist.id === entry.payload.checklist)?.role ??
          null,
      );
    case 'decision.recorded':
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
    // The seed, the schedule's workings, the answer key, experiments' plumbing, the debrief.
    case 'drill.created':
    case 'inject.skipped':
    case 'inject.delayed':
    case 'expectation.triggered':
    case 'expectation.met':
    case 'experiment.requested':
    case 'experiment.skipped':
    case 'experiment.call_failed':
    case 'experiments.armed':
    case 'debrief.recorded':
      return false;
    // Chat mirror: how the team's chat was reached is the facilitator's to know.
    case 'chat.delivery_failed':
      return false;
    // Real PagerDuty pages (issue 17): the facilitator's plumbing, like experiments'.
    case 'real_page.armed':
    case 'real_page.requested':
    case 'real_page.sent':
    case 'real_page.resolved':
    case 'real_page.call_failed':
      return false;
    default:
      return noAudienceChosen(entry);
  }
}

/** Compiles only when every fact type has a case above; an unknown entry stays hidden. */
function noAudienceChosen(entry: never): false {
  void entry;
  return false;
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
    // A metric's branches are what would happen: the facilitator's, like the questions.
    metric: inject.metric && {
      name: inject.metric.name,
      unit: inject.metric.unit,
      points: inject.metric.points,
      ...(withQuestions
        ? { branches: inject.metric.branches.map(({ points }) => ({ points })) }
        : {}),
    },
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
    severities: scenario.severities,
    channels: scenario.channels,
    roles: scenario.roles.map((role) => ({
      id: role.id,
      name: role.name,
      npc: role.npc !== null,
      audience: role.audience,
      template: role.template,
    })),
    escalationPaths: scenario.escalationPaths,
    templates: scenario.templates,
    story: scenario.story,
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
