/**
 * Real PagerDuty pages (issue 17), as the engine sees them: it only asks. In a drill armed
 * for real pages, a `page_real` that fires — an inject's effect, or a delivered page to a
 * level that pages for real — becomes a `real_page.requested` fact; the server's pager sends
 * it (its seq makes the dedup_key) and reports back with `real_page.sent`, `…resolved` or
 * `…call_failed`. Unarmed, nothing is requested and nothing leaves the machine.
 */
import type { Inject, RealPage, RealPageSeverity, Scenario } from '../scenario/types';
import type { ActionOutcome } from './action-outcome';
import { drillTimeAt } from './drill-clock';
import type { DrillState } from './drill-state';
import type { EntryOf, FactPayloads, LogEntry } from './log';
import type { Recorder } from './recorder';
import { createRecorder } from './recorder';

/** What the server's pager reports about one request. */
export type RealPageReport =
  | { readonly kind: 'sent' | 'resolved'; readonly request: number; readonly dedupKey: string }
  | {
      readonly kind: 'failed';
      readonly request: number;
      readonly action: 'trigger' | 'resolve';
      readonly reason: string;
    };

/** The longest summary PagerDuty takes (its Events API v2 limit is 1024 characters). */
export const maxRealPageSummaryChars = 1024;

/** Every routing key name a scenario may page, in file order, once each. */
export function realPageRoutingKeys(scenario: Scenario): string[] {
  return [...new Set(realPageSources(scenario).map(({ page }) => page.routingKeyRef))];
}

/** Where a scenario pages for real: its injects' effects and its paths' levels. */
export function realPageSources(
  scenario: Scenario,
): { readonly page: RealPage; readonly from: string }[] {
  const sources: { page: RealPage; from: string }[] = [];
  for (const inject of scenario.injects)
    for (const page of inject.realPages) sources.push({ page, from: `inject ${inject.id}` });
  for (const path of scenario.escalationPaths)
    for (const [level, { realPage, role }] of path.levels.entries())
      if (realPage)
        sources.push({ page: realPage, from: `${path.id} level ${level + 1} (${role})` });
  return sources;
}

/** The drill's severity in PagerDuty's four: the scale's first level is critical, and so is none. */
export function pagerDutySeverity(state: DrillState): RealPageSeverity {
  if (state.severity === null) return 'critical';
  const levels: readonly RealPageSeverity[] = ['critical', 'error', 'warning'];
  return levels[state.scenario.severities.indexOf(state.severity)] ?? 'info';
}

/** An inject's `page_real` effects, as it fires. */
export function requestInjectRealPages(
  state: DrillState,
  recorder: Recorder,
  inject: Inject,
  atMs: number,
): void {
  if (!state.pagesArmed) return;
  const title = inject.title ?? inject.body.split('\n')[0]?.trim() ?? '';
  for (const page of inject.realPages)
    request(state, recorder, page, page.summary ?? (title || inject.id), atMs, {
      inject: inject.id,
      escalation: null,
      level: null,
    });
}

/**
 * A delivered page (the team's escalation, or a system page) to a level that pages for real.
 * A system page pages its own level; a team escalation every level naming its target, once
 * per routing key. A page the drill did not deliver (the role unavailable, the channel
 * down) is not sent for real either: the drill decided it did not get through.
 */
export function requestEscalationRealPage(
  state: DrillState,
  recorder: Recorder,
  escalation: EntryOf<'escalation.recorded'>,
  atMs: number,
): void {
  if (!state.pagesArmed || !escalation.payload.delivered) return;
  const { to, via, message } = escalation.payload;
  const levels = state.scenario.escalationPaths.flatMap((path) =>
    path.levels.flatMap((level, index) =>
      level.role === to &&
      level.realPage !== null &&
      (via === null || (via.path === path.id && via.level === index))
        ? [{ path: path.id, level: index, page: level.realPage }]
        : [],
    ),
  );
  const role = state.scenario.roles.find(({ id }) => id === to)?.name ?? to;
  const situation = message['situation']?.trim();
  const sent = new Set<string>();
  for (const { path, level, page } of levels) {
    if (sent.has(page.routingKeyRef)) continue;
    sent.add(page.routingKeyRef);
    const summary = page.summary ?? `Page to ${role}${situation ? `: ${situation}` : ''}`;
    request(state, recorder, page, summary, atMs, {
      inject: null,
      escalation: escalation.seq,
      level: { path, level },
    });
  }
}

function request(
  state: DrillState,
  recorder: Recorder,
  page: RealPage,
  summary: string,
  atMs: number,
  from: Pick<FactPayloads['real_page.requested'], 'inject' | 'escalation' | 'level'>,
): void {
  recorder.record(
    'real_page.requested',
    {
      routingKeyRef: page.routingKeyRef,
      severity: page.severity ?? pagerDutySeverity(state),
      summary: summary.slice(0, maxRealPageSummaryChars),
      ...from,
    },
    atMs,
  );
}

/** Arms real pages: only before the start (the machine's rule), once. */
export function decideRealPageArming(
  state: DrillState,
  routingKeys: readonly string[],
  wallMs: number,
): ActionOutcome {
  if (state.pagesArmed)
    return { ok: false, status: 409, error: 'real pages are already armed for this drill' };
  const recorder = createRecorder(state, wallMs, { actor: 'facilitator' });
  const entry = recorder.record('real_page.armed', { routingKeys: [...routingKeys] }, 0);
  return { ok: true, seq: entry.seq, entries: recorder.entries, duplicate: false };
}

/** The pager's report becomes a visible fact; nothing else about the drill changes. */
export function recordRealPageReport(
  state: DrillState,
  report: RealPageReport,
  wallMs: number,
): readonly LogEntry[] {
  const recorder = createRecorder(state, wallMs, { actor: 'system' });
  const atMs = drillTimeAt(state.clock, wallMs);
  if (report.kind === 'failed') {
    const { request: requestSeq, action, reason } = report;
    recorder.record('real_page.call_failed', { request: requestSeq, action, reason }, atMs);
  } else {
    const type = report.kind === 'sent' ? 'real_page.sent' : 'real_page.resolved';
    recorder.record(type, { request: report.request, dedupKey: report.dedupKey }, atMs);
  }
  return recorder.entries;
}
