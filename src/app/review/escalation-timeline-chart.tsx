import {
  CartesianGrid,
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
import { formatDrillClock } from '../drill/drill-time';
import type { ChartData } from './scorecard-chart-data';
import type { SelectTrace } from './scorecard-verdict-style';
import { selectExpectation, verdictColour, verdictShape } from './scorecard-verdict-style';
import { verdictLabels } from '../../engine/report/report-wording';
import { labelColumn } from './chart-labels';
import { fittedTick } from './fitted-tick';
import { expectationExplainer } from './trace-wording';

/**
 * The escalation timeline: a row per expectation with its target and deadline bands, the
 * escalation that met it and the line to its acknowledgement; injects, surprises, outages
 * and experiment states along the drill's time. Rows are labelled by `labelOf` (the
 * expectation's title where the viewer may see the scenario; its id on the projector), in a
 * column as wide as the longest label and long ones cut with the full name as a tooltip.
 */
export function EscalationTimelineChart({
  data,
  durationS,
  onSelect,
  labelOf = (id) => id,
  fontPx = 12,
}: {
  data: ChartData;
  durationS: number;
  onSelect: SelectTrace;
  labelOf?: (expectationId: string) => string;
  /** The tick labels' size: larger on the projector. */
  fontPx?: number;
}) {
  const { rows, points, injects, ackLinks, surprises, experimentStates, outages } = data;
  const rowLabel = (value: unknown) => {
    const row = rows[Number(value) - 1];
    return row ? labelOf(row.id) : '';
  };
  const explainOf = expectationExplainer(rows);
  const column = labelColumn(
    rows.map((row) => labelOf(row.id)),
    { fontPx },
  );
  return (
    <div data-testid="timeline-chart">
      <ResponsiveContainer width="100%" height={80 + rows.length * 36}>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name="drill time"
            domain={[0, Math.max(durationS, 60)]}
            tickFormatter={(value: number) => formatDrillClock(value * 1000)}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[0, rows.length + 1]}
            ticks={rows.map((row) => row.row)}
            tick={fittedTick({ labelOf: rowLabel, fit: column.fit, fontPx })}
            width={column.width}
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
              onClick={(item: { payload?: unknown }) =>
                selectExpectation(item.payload, onSelect, labelOf, explainOf)
              }
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
