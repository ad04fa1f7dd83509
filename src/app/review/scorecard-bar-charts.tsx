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

/** Latency against target, the dimensions, and the time to acknowledge each escalation. */
export function ScorecardBarCharts({
  data,
  trace,
  onSelect,
}: {
  data: ChartData;
  trace: Scorecard['trace'];
  onSelect: SelectTrace;
}) {
  const { latency, dimensions, acknowledgements: acks } = data;
  return (
    <>
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
                onClick={(item: { payload?: unknown }) => selectExpectation(item.payload, onSelect)}
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
                  onSelect(name, trace[name]);
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
    </>
  );
}
