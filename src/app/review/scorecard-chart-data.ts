/**
 * What the scorecard's charts plot, read from the scorecard, the entries and the report's
 * escalation rows (so an escalation is paired with the same acknowledgement the exports
 * name). Pure: the chart components only draw it.
 */
import type { EffectView } from '../../engine/projection/projection-views';
import type { EscalationRow } from '../../engine/report/escalation-rows';
import type { VisibleEntry } from '../../protocol/drill-snapshot';
import type { Scorecard, ExpectationCard } from '../../protocol/scorecard';

export type TimelineRow = ExpectationCard & { readonly row: number };

export interface ChartData {
  /** Expectations whose clock started, one chart row each (from 1). */
  readonly rows: readonly TimelineRow[];
  /** The escalation that met each row's expectation. */
  readonly points: readonly {
    x: number;
    y: number;
    verdict: ExpectationCard['verdict'];
    id: string;
    trace: ExpectationCard['trace'];
  }[];
  readonly injects: readonly { x: number; y: number; title: string; seq: number }[];
  /** From a row's escalation to its acknowledgement. */
  readonly ackLinks: readonly { id: string; y: number; from: number; to: number }[];
  readonly surprises: readonly { seq: number; x: number }[];
  readonly experimentStates: readonly { seq: number; x: number; label: string }[];
  /** People unreachable and channels down, as spans. */
  readonly outages: readonly { seq: number; from: number; to: number }[];
  readonly latency: readonly {
    id: string;
    latency: number | null;
    target: number;
    verdict: ExpectationCard['verdict'];
    trace: ExpectationCard['trace'];
  }[];
  readonly dimensions: readonly {
    name: keyof Scorecard['dimensions'];
    value: number;
    measured: boolean;
  }[];
  /** Each team escalation that got through and still counts (not to an audience), with its time to acknowledge. */
  readonly acknowledgements: readonly {
    label: string;
    seq: number;
    from: string | null;
    to: string;
    seconds: number | null;
    seqs: readonly number[];
  }[];
}

/** What the charts read besides the scorecard and the entries, from the projection. */
export interface ChartSources {
  readonly escalations: readonly EscalationRow[];
  readonly effects: readonly EffectView[];
  /** Audience roles: published to, they never acknowledge, so they have no ack bar. */
  readonly audiences: ReadonlySet<string>;
}

export function chartData(
  card: Scorecard,
  entries: readonly VisibleEntry[],
  { escalations, effects, audiences }: ChartSources,
): ChartData {
  const rows = card.expectations
    .filter((expectation) => expectation.triggered_at_s !== null)
    .map((expectation, index) => ({ ...expectation, row: index + 1 }));
  const bySeq = new Map(escalations.map((escalation) => [escalation.seq, escalation]));
  const fired = entries.filter((entry) => entry.type === 'inject.fired');
  return {
    rows,
    points: rows.flatMap((row) =>
      row.escalated_at_s === null
        ? []
        : [
            {
              x: row.escalated_at_s,
              y: row.row,
              verdict: row.verdict,
              id: row.id,
              trace: row.trace,
            },
          ],
    ),
    injects: fired.map((entry) => ({
      x: entry.drillMs / 1000,
      y: 0,
      title: entry.inject?.title ?? '',
      seq: entry.seq,
    })),
    ackLinks: rows.flatMap((row) => {
      const ackedAtMs =
        row.trace.escalation === null ? null : bySeq.get(row.trace.escalation)?.acknowledgedAtMs;
      return row.escalated_at_s !== null && ackedAtMs !== null && ackedAtMs !== undefined
        ? [{ id: row.id, y: row.row, from: row.escalated_at_s, to: ackedAtMs / 1000 }]
        : [];
    }),
    surprises: fired
      .filter((entry) => entry.inject?.kind === 'surprise')
      .map((entry) => ({ seq: entry.seq, x: entry.drillMs / 1000 })),
    experimentStates: entries.flatMap((entry) =>
      entry.type === 'experiment.state_changed'
        ? [
            {
              seq: entry.seq,
              x: entry.drillMs / 1000,
              label: `${entry.payload.experiment} ${entry.payload.status}`,
            },
          ]
        : [],
    ),
    // An outage ends where its end was logged (its `for`, or its `until` coming true); one
    // with neither lasts to the drill's end.
    outages: effects.flatMap((active) =>
      active.effect.type === 'unavailable' || active.effect.type === 'channel_down'
        ? [
            {
              seq: active.seq,
              from: active.fromMs / 1000,
              to: (active.endedAtMs ?? active.untilMs ?? card.duration_s * 1000) / 1000,
            },
          ]
        : [],
    ),
    latency: card.expectations.flatMap((expectation) =>
      expectation.latency_s === null
        ? []
        : [
            {
              id: expectation.id,
              latency: expectation.latency_s,
              target: expectation.target_s,
              verdict: expectation.verdict,
              trace: expectation.trace,
            },
          ],
    ),
    dimensions: (Object.keys(card.dimensions) as (keyof Scorecard['dimensions'])[]).map((name) => ({
      name,
      value: card.dimensions[name] ?? 0,
      measured: card.dimensions[name] !== null,
    })),
    acknowledgements: escalations
      .filter(
        (escalation) =>
          escalation.delivered && !escalation.retracted && !audiences.has(escalation.to),
      )
      .map((escalation) => ({
        label: `#${escalation.seq} ${escalation.from ?? ''} → ${escalation.to}`,
        seq: escalation.seq,
        from: escalation.from,
        to: escalation.to,
        seconds: escalation.ackLatencyMs === null ? null : escalation.ackLatencyMs / 1000,
        seqs:
          escalation.acknowledgementSeq === null
            ? [escalation.seq]
            : [escalation.seq, escalation.acknowledgementSeq],
      })),
  };
}
