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
import type { DrillSummary } from '../../protocol/drill-summary';
import { drillDateTime, drillTick } from './drill-dates';

const palette = ['#1e3a8a', '#b91c1c', '#15803d', '#7c3aed', '#b45309', '#0f766e'];

/** One point per drill and team, in time order: what a trend line per team needs. */
export function trendSeries(
  drills: readonly DrillSummary[],
  value: (drill: DrillSummary) => number | null,
) {
  const teams = [...new Set(drills.map((drill) => drill.team || '(no team)'))];
  const data = [...drills]
    .sort((a, b) => a.createdWallMs - b.createdWallMs)
    .map((drill) => ({ at: drill.createdWallMs, [drill.team || '(no team)']: value(drill) }));
  return { teams, data };
}

/** Overall score and median time to escalate over time, one line per team. */
export function TrendChart({ drills }: { drills: readonly DrillSummary[] }) {
  return (
    <div className="chart-pair">
      <TeamTrend
        drills={drills}
        title="Overall score per team over time"
        value={(drill) => drill.overall}
        domain={[0, 100]}
      />
      <TeamTrend
        drills={drills}
        title="Median time to escalate per team (seconds)"
        value={(drill) => drill.medianTimeToEscalateS}
        domain={[0, 'auto']}
      />
    </div>
  );
}

function TeamTrend({
  drills,
  title,
  value,
  domain,
}: {
  drills: readonly DrillSummary[];
  title: string;
  value: (drill: DrillSummary) => number | null;
  domain: [number, number | 'auto'];
}) {
  const { teams, data } = trendSeries(drills, value);
  return (
    <figure className="trend" data-testid="trend-chart">
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(value: number) => drillTick(value)}
          />
          <YAxis domain={domain} />
          <Tooltip labelFormatter={(value) => drillDateTime(Number(value))} />
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
