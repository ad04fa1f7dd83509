import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DrillSummary } from '../../protocol/drill-summary';
import { drillDateTime, drillTick } from './drill-dates';
import { useElementWidth } from './use-element-width';

const palette = ['#1e3a8a', '#b91c1c', '#15803d', '#7c3aed', '#b45309', '#0f766e'];

/** One point per drill and team, in time order: what a trend line per team needs. */
export function trendSeries(
  drills: readonly DrillSummary[],
  value: (drill: DrillSummary) => number | null,
): { team: string; points: { at: number; value: number }[] }[] {
  const byTeam = new Map<string, { at: number; value: number }[]>();
  for (const drill of [...drills].sort((a, b) => a.createdWallMs - b.createdWallMs)) {
    const team = drill.team || '(no team)';
    const points = byTeam.get(team) ?? [];
    byTeam.set(team, points);
    const figure = value(drill);
    if (figure !== null) points.push({ at: drill.createdWallMs, value: figure });
  }
  return [...byTeam].map(([team, points]) => ({ team, points }));
}

const overallOf = (drill: DrillSummary) => drill.overall;
const medianOf = (drill: DrillSummary) => drill.medianTimeToEscalateS;
const scoreDomain: [number, number] = [0, 100];
const secondsDomain: [number, 'auto'] = [0, 'auto'];
const chartHeight = 240;
const chartBox = { width: '100%', height: chartHeight };
const margin = { top: 10, right: 20, bottom: 10, left: 0 };
const xDomain = ['dataMin', 'dataMax'];
const tickOf = (value: number) => drillTick(value);
const tooltipLabel = (value: unknown) => drillDateTime(Number(value));

/**
 * Five x ticks spread evenly from the first drill to the last: given, so recharts need not
 * measure every label's text to pick which to show.
 */
export function timeTicks(drills: readonly DrillSummary[], count = 5): number[] {
  if (drills.length === 0) return [];
  const times = drills.map((drill) => drill.createdWallMs);
  const first = Math.min(...times);
  const last = Math.max(...times);
  if (first === last) return [first];
  return Array.from({ length: count }, (_, index) =>
    Math.round(first + ((last - first) * index) / (count - 1)),
  );
}

/** Overall score and median time to escalate over time, one line per team. */
export const TrendChart = memo(function TrendChart({
  drills,
}: {
  drills: readonly DrillSummary[];
}) {
  return (
    <div className="chart-pair">
      <TeamTrend
        drills={drills}
        title="Overall score per team over time"
        value={overallOf}
        domain={scoreDomain}
      />
      <TeamTrend
        drills={drills}
        title="Median time to escalate per team (seconds)"
        value={medianOf}
        domain={secondsDomain}
      />
    </div>
  );
});

/**
 * One trend, drawn for speed (500 drills in ≤ 200 ms, `npm run bench`): the series is
 * memoised, one small array per team (not 500 rows of mostly empty columns), lines are
 * straight with no dots or animation, so recharts draws one path per team and no thousand
 * circles (the hovered point still shows its dot and tooltip), and the chart is sized before
 * its first paint instead of through ResponsiveContainer's extra render.
 */
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
  const series = useMemo(() => trendSeries(drills, value), [drills, value]);
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const ticks = useMemo(() => timeTicks(drills), [drills]);
  return (
    <figure className="trend" data-testid="trend-chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} style={chartBox}>
        {width > 0 ? (
          <LineChart width={width} height={chartHeight} margin={margin}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="at"
              type="number"
              domain={xDomain}
              ticks={ticks}
              interval={0}
              tickFormatter={tickOf}
            />
            <YAxis domain={domain} interval={0} />
            <Tooltip labelFormatter={tooltipLabel} isAnimationActive={false} />
            <Legend />
            {series.map(({ team, points }, index) => (
              <Line
                key={team}
                name={team}
                data={points}
                type="linear"
                dataKey="value"
                stroke={palette[index % palette.length] ?? '#000'}
                strokeWidth={2}
                dot={false}
                activeDot={{ r: 4 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : null}
      </div>
    </figure>
  );
}
