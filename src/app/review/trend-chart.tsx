import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
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

/** Each team's colour, the same in both charts and the legend: by first appearance in time. */
export function teamColours(drills: readonly DrillSummary[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const { team } of trendSeries(drills, overallOf))
    colours.set(team, palette[colours.size % palette.length] ?? '#000');
  return colours;
}

/**
 * Overall score and median time to escalate over time, one line per team, under one legend
 * for both: an HTML list, not recharts' Legend, which measures itself in every chart.
 */
export const TrendChart = memo(function TrendChart({
  drills,
}: {
  drills: readonly DrillSummary[];
}) {
  const colours = useMemo(() => teamColours(drills), [drills]);
  return (
    <>
      <ul className="trend-legend" aria-label="Teams">
        {[...colours].map(([team, colour]) => (
          <li key={team}>
            <span className="swatch" style={{ background: colour }} aria-hidden="true" />
            {team}
          </li>
        ))}
      </ul>
      <div className="chart-pair">
        <TeamTrend
          drills={drills}
          colours={colours}
          title="Overall score per team over time"
          value={overallOf}
          domain={scoreDomain}
        />
        <TeamTrend
          drills={drills}
          colours={colours}
          title="Median time to escalate per team (seconds)"
          value={medianOf}
          domain={secondsDomain}
        />
      </div>
    </>
  );
});

/**
 * One trend, drawn for speed (`npm run bench`): the series is memoised, one small array per
 * team (not 500 rows of mostly empty columns), lines are straight with no dots or animation,
 * so recharts draws one path per team and no thousand circles (the hovered point still shows
 * its dot and tooltip), and the chart is sized before its first paint instead of through
 * ResponsiveContainer's extra render. The tooltip, recharts' costliest part to set up, is
 * mounted when a pointer or the keyboard first comes to the chart: nobody sees it before.
 */
function TeamTrend({
  drills,
  colours,
  title,
  value,
  domain,
}: {
  drills: readonly DrillSummary[];
  colours: ReadonlyMap<string, string>;
  title: string;
  value: (drill: DrillSummary) => number | null;
  domain: [number, number | 'auto'];
}) {
  const series = useMemo(() => trendSeries(drills, value), [drills, value]);
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const ticks = useMemo(() => timeTicks(drills), [drills]);
  const [approached, setApproached] = useState(false);
  const approach = () => setApproached(true);
  return (
    <figure className="trend" data-testid="trend-chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} style={chartBox} onPointerEnter={approach} onFocus={approach}>
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
            {approached ? (
              <Tooltip labelFormatter={tooltipLabel} isAnimationActive={false} />
            ) : null}
            {series.map(({ team, points }) => (
              <Line
                key={team}
                name={team}
                data={points}
                type="linear"
                dataKey="value"
                stroke={colours.get(team) ?? '#000'}
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
