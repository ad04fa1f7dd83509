import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import type { VisibleEntry } from '../../protocol/drill-snapshot';
import { formatDrillClock } from '../drill/drill-view';
import { verdictLabels } from '../../engine/report/report-wording';
import type { Scorecard } from '../../protocol/scorecard';

const verdictColour: Record<string, string> = {
  on_time: '#15803d',
  late: '#b45309',
  missed: '#991b1b',
  not_due: '#78716c',
  not_triggered: '#a8a29e',
};
const verdictShape = {
  on_time: 'circle',
  late: 'diamond',
  missed: 'cross',
  not_due: 'square',
  not_triggered: 'triangle',
} as const;

/** The escalation timeline, latency against target, and the dimensions; points select their trace. */
export function ScorecardCharts({
  card,
  entries,
  onSelect,
}: {
  card: Scorecard;
  entries: readonly VisibleEntry[];
  onSelect: (title: string, seqs: readonly (number | null)[]) => void;
}) {
  const triggered = card.expectations.filter((expectation) => expectation.triggered_at_s !== null);
  const rows = triggered.map((expectation, index) => ({ ...expectation, row: index + 1 }));
  const points = rows
    .filter((row) => row.escalated_at_s !== null)
    .map((row) => ({
      x: row.escalated_at_s,
      y: row.row,
      verdict: row.verdict,
      id: row.id,
      trace: row.trace,
    }));
  const injects = entries
    .filter((entry) => entry.type === 'inject.fired')
    .map((entry) => ({
      x: entry.drillMs / 1000,
      y: 0,
      title: entry.inject?.title ?? '',
      seq: entry.seq,
    }));
  const latency = card.expectations
    .filter((expectation) => expectation.latency_s !== null)
    .map((expectation) => ({
      id: expectation.id,
      latency: expectation.latency_s,
      target: expectation.target_s,
      verdict: expectation.verdict,
      trace: expectation.trace,
    }));
  const selectExpectation = (payload: unknown) => {
    const point = payload as {
      id: string;
      trace: { trigger: number | null; escalation: number | null };
    };
    onSelect(point.id, [point.trace.trigger, point.trace.escalation]);
  };
  const acks = ackTimes(entries);
  // Each met expectation's escalation, linked to its acknowledgement on the same row.
  const ackLinks = rows.flatMap((row) => {
    const ack = entries.find(
      (entry) =>
        entry.type === 'acknowledgement.recorded' &&
        entry.payload.escalation === row.trace.escalation,
    );
    return row.escalated_at_s !== null && ack
      ? [{ id: row.id, y: row.row, from: row.escalated_at_s, to: ack.drillMs / 1000 }]
      : [];
  });
  // Surprises as lines, and who was unreachable or which channel was down as shaded spans.
  const surprises = entries
    .filter((entry) => entry.type === 'inject.fired' && entry.inject?.kind === 'surprise')
    .map((entry) => ({ seq: entry.seq, x: entry.drillMs / 1000 }));
  const experimentStates = entries.flatMap((entry) =>
    entry.type === 'experiment.state_changed'
      ? [
          {
            seq: entry.seq,
            x: entry.drillMs / 1000,
            label: `${entry.payload.experiment} ${entry.payload.status}`,
          },
        ]
      : [],
  );
  const outages = entries.flatMap((entry) =>
    entry.type === 'effect.began' &&
    entry.payload.untilMs !== null &&
    (entry.payload.effect.type === 'unavailable' || entry.payload.effect.type === 'channel_down')
      ? [{ seq: entry.seq, from: entry.drillMs / 1000, to: entry.payload.untilMs / 1000 }]
      : [],
  );
  const dimensions = Object.entries(card.dimensions).map(([name, value]) => ({
    name,
    value: value ?? 0,
    measured: value !== null,
  }));
  return (
    <section className="charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Escalation timeline</h2>
      <p className="muted">
        Each row is an expectation: its window from trigger to target (light) and deadline
        (lighter); the mark is the escalation that met it and the green line runs to its
        acknowledgement. Diamonds at the bottom are injects; dashed orange lines are surprises; red
        spans are people unreachable or channels down.
      </p>
      <div data-testid="timeline-chart">
        <ResponsiveContainer width="100%" height={80 + rows.length * 36}>
          <ScatterChart margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              name="drill time"
              domain={[0, Math.max(card.duration_s, 60)]}
              tickFormatter={(value: number) => formatDrillClock(value * 1000)}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[0, rows.length + 1]}
              ticks={rows.map((row) => row.row)}
              tickFormatter={(value: number) => rows[value - 1]?.id ?? ''}
              width={150}
            />
            <ZAxis range={[90, 90]} />
            {rows.map((row) => (
              <ReferenceArea
                key={`deadline-${row.id}`}
                x1={row.triggered_at_s ?? 0}
                x2={(row.triggered_at_s ?? 0) + row.deadline_s}
                y1={row.row - 0.3}
                y2={row.row + 0.3}
                fill="#fde68a"
                fillOpacity={0.35}
                ifOverflow="hidden"
                className="deadline-band"
              />
            ))}
            {rows.map((row) => (
              <ReferenceArea
                key={`target-${row.id}`}
                x1={row.triggered_at_s ?? 0}
                x2={(row.triggered_at_s ?? 0) + row.target_s}
                y1={row.row - 0.3}
                y2={row.row + 0.3}
                fill="#86efac"
                fillOpacity={0.5}
                ifOverflow="hidden"
                className="target-band"
              />
            ))}
            {outages.map((outage) => (
              <ReferenceArea
                key={`outage-${outage.seq}`}
                x1={outage.from}
                x2={outage.to}
                fill="#fca5a5"
                fillOpacity={0.25}
                ifOverflow="hidden"
                className="outage-band"
              />
            ))}
            {surprises.map((surprise) => (
              <ReferenceLine
                key={`surprise-${surprise.seq}`}
                x={surprise.x}
                stroke="#ea580c"
                strokeDasharray="4 3"
                className="surprise-line"
              />
            ))}
            {experimentStates.map((state) => (
              <ReferenceLine
                key={`experiment-${state.seq}`}
                x={state.x}
                stroke="#7c3aed"
                strokeDasharray="2 4"
                className="experiment-line"
                label={{
                  value: state.label,
                  position: 'insideTopLeft',
                  fontSize: 11,
                  fill: '#7c3aed',
                }}
              />
            ))}
            {ackLinks.map((link) => (
              <ReferenceLine
                key={`ack-${link.id}`}
                segment={[
                  { x: link.from, y: link.y },
                  { x: link.to, y: link.y },
                ]}
                stroke="#15803d"
                strokeWidth={3}
                className="ack-link"
              />
            ))}
            <Tooltip formatter={(value) => formatDrillClock(Number(value) * 1000)} />
            <Scatter
              data={injects}
              shape="diamond"
              fill="#2563eb"
              onClick={(item: { payload?: unknown }) => {
                const point = item.payload as { seq: number; title: string };
                onSelect(point.title || 'inject', [point.seq]);
              }}
            />
            {(Object.keys(verdictShape) as (keyof typeof verdictShape)[]).map((verdict) => (
              <Scatter
                key={verdict}
                name={verdictLabels[verdict]}
                data={points.filter((point) => point.verdict === verdict)}
                shape={verdictShape[verdict]}
                fill={verdictColour[verdict] ?? '#78716c'}
                onClick={(item: { payload?: unknown }) => selectExpectation(item.payload)}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>

      <div className="chart-pair">
        <figure>
          <figcaption>Latency against target (seconds)</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={latency} layout="vertical" margin={{ left: 10, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis type="category" dataKey="id" width={150} />
              <Tooltip />
              <Bar dataKey="target" name="target" fill="#d6d3d1" />
              <Bar
                dataKey="latency"
                name="latency"
                onClick={(item: { payload?: unknown }) => selectExpectation(item.payload)}
              >
                {latency.map((row) => (
                  <Cell key={row.id} fill={verdictColour[row.verdict] ?? '#78716c'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure>
          <figcaption>Dimensions (0–100; grey: nothing to measure)</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={dimensions} margin={{ left: 0, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" interval={0} />
              <YAxis domain={[0, 100]} />
              <Tooltip />
              <Bar
                dataKey="value"
                onClick={(item: { payload?: unknown }) => {
                  const name = (item.payload as { name: keyof Scorecard['dimensions'] }).name;
                  onSelect(name, card.trace[name]);
                }}
              >
                {dimensions.map((row) => (
                  <Cell key={row.name} fill={row.measured ? '#1e3a8a' : '#d6d3d1'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <figure>
        <figcaption>
          Time to acknowledge, per escalation (seconds; none: never acknowledged)
        </figcaption>
        <ResponsiveContainer width="100%" height={Math.max(120, 40 + acks.length * 28)}>
          <BarChart data={acks} layout="vertical" margin={{ left: 10, right: 20 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" />
            <YAxis type="category" dataKey="label" width={200} />
            <Tooltip />
            <Bar
              dataKey="seconds"
              name="time to acknowledge"
              fill="#15803d"
              onClick={(item: { payload?: unknown }) => {
                const row = item.payload as { label: string; seqs: readonly number[] };
                onSelect(row.label, row.seqs);
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}

/** Each team escalation that got through, with how long its acknowledgement took. */
function ackTimes(
  entries: readonly VisibleEntry[],
): { label: string; seconds: number | null; seqs: readonly number[] }[] {
  const retracted = new Set(
    entries.flatMap((entry) => (entry.type === 'fact.retracted' ? [entry.payload.seq] : [])),
  );
  return entries.flatMap((entry) => {
    if (
      entry.type !== 'escalation.recorded' ||
      entry.payload.system ||
      !entry.payload.delivered ||
      retracted.has(entry.seq)
    )
      return [];
    const ack = entries.find(
      (candidate) =>
        candidate.type === 'acknowledgement.recorded' &&
        candidate.payload.escalation === entry.seq &&
        !retracted.has(candidate.seq),
    );
    return [
      {
        label: `#${entry.seq} ${entry.payload.from ?? ''} → ${entry.payload.to}`,
        seconds: ack ? (ack.drillMs - entry.drillMs) / 1000 : null,
        seqs: ack ? [entry.seq, ack.seq] : [entry.seq],
      },
    ];
  });
}
