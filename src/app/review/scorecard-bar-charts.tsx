import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartData } from './scorecard-chart-data';
import type { SelectTrace } from './scorecard-verdict-style';
import { selectExpectation, verdictColour } from './scorecard-verdict-style';
import type { Scorecard } from '../../protocol/scorecard';
import { dimensionLabels } from '../../engine/report/report-wording';
import { labelColumn } from './chart-labels';
import { fittedTick } from './fitted-tick';
import { dimensionWords, explainPageBySeq } from './figure-wording';
import { expectationExplainer } from './trace-wording';

/**
 * Latency against target, the dimensions, and the time to acknowledge each escalation. Every
 * chart is a horizontal bar chart, so its names read across in a column that fits them. A
 * bar opens its trace with the same words as the figure it stands for.
 */
export function ScorecardBarCharts({
  data,
  card,
  onSelect,
  labelOf,
  roleName,
}: {
  data: ChartData;
  card: Scorecard;
  onSelect: SelectTrace;
  /** An expectation's title (or its id where the viewer may not see the scenario). */
  labelOf: (expectationId: string) => string;
  roleName: (roleId: string) => string;
}) {
  const { latency, dimensions } = data;
  const acks = data.acknowledgements.map((ack) => ({
    ...ack,
    label: `${ack.from === null ? '' : `${roleName(ack.from)} → `}${roleName(ack.to)} (#${ack.seq})`,
  }));
  const latencyRows = latency.map((row) => ({ ...row, label: labelOf(row.id) }));
  const dimensionRows = dimensions.map((row) => ({ ...row, label: dimensionLabels[row.name] }));
  const latencyColumn = labelColumn(latencyRows.map((row) => row.label));
  const dimensionColumn = labelColumn(dimensionRows.map((row) => row.label));
  const ackColumn = labelColumn(acks.map((row) => row.label));
  const asIs = (value: unknown) => String(value ?? '');
  const explainOf = expectationExplainer(card.expectations);
  return (
    <>
      <div className="chart-pair">
        <figure>
          <figcaption>Latency against target (seconds)</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={latencyRows} layout="vertical" margin={{ left: 10, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" />
              <YAxis
                type="category"
                dataKey="label"
                width={latencyColumn.width}
                interval={0}
                tick={fittedTick({ labelOf: asIs, fit: latencyColumn.fit })}
              />
              <Tooltip />
              <Bar dataKey="target" name="target" fill="#d6d3d1" />
              <Bar
                dataKey="latency"
                name="latency"
                onClick={(item: { payload?: unknown }) =>
                  selectExpectation(item.payload, onSelect, labelOf, explainOf)
                }
              >
                {latencyRows.map((row) => (
                  <Cell key={row.id} fill={verdictColour[row.verdict] ?? '#78716c'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure>
          <figcaption>Dimensions (0–100; grey: nothing to measure)</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={dimensionRows} layout="vertical" margin={{ left: 10, right: 20 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" domain={[0, 100]} />
              <YAxis
                type="category"
                dataKey="label"
                width={dimensionColumn.width}
                interval={0}
                tick={fittedTick({ labelOf: asIs, fit: dimensionColumn.fit })}
              />
              <Tooltip />
              <Bar
                dataKey="value"
                onClick={(item: { payload?: unknown }) => {
                  const name = (item.payload as { name: keyof Scorecard['dimensions'] }).name;
                  const words = dimensionWords(card, name);
                  onSelect(dimensionLabels[name], card.trace[name], words.explanation, words.notes);
                }}
              >
                {dimensionRows.map((row) => (
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
            <YAxis
              type="category"
              dataKey="label"
              width={ackColumn.width}
              interval={0}
              tick={fittedTick({ labelOf: asIs, fit: ackColumn.fit })}
            />
            <Tooltip />
            <Bar
              dataKey="seconds"
              name="time to acknowledge"
              fill="#15803d"
              onClick={(item: { payload?: unknown }) => {
                const row = item.payload as { label: string; seq: number; seqs: readonly number[] };
                const words = explainPageBySeq(card, row.seq);
                onSelect(row.label, row.seqs, words, new Map([[row.seq, words]]));
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </>
  );
}
