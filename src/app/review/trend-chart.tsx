import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DrillSummary } from './history-page';

const palette = ['#1e3a8a', '#b91c1c', '#15803d', '#7c3aed', '#b45309', '#0f766e'];

/** Overall score over time, one line per team. */
export function TrendChart({ drills }: { drills: readonly DrillSummary[] }) {
  const teams = [...new Set(drills.map((drill) => drill.team || '(no team)'))];
  const data = [...drills]
    .sort((a, b) => a.createdWallMs - b.createdWallMs)
    .map((drill) => ({ at: drill.createdWallMs, [drill.team || '(no team)']: drill.overall }));
  return (
    <figure className="trend" data-testid="trend-chart">
      <figcaption>Overall score per team over time</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(value: number) => new Date(value).toLocaleDateString()}
          />
          <YAxis domain={[0, 100]} />
          <Tooltip labelFormatter={(value) => new Date(Number(value)).toLocaleString()} />
          <Legend />
          {teams.map((team, index) => (
            <Line
              key={team}
              type="monotone"
              dataKey={team}
              stroke={palette[index % palette.length] ?? '#000'}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
