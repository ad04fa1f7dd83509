import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MetricView } from '../../engine/projection/projection-views';
import { formatDrillClock } from '../drill/drill-time';
import { yAxisPlan } from './chart-ticks';

/** Tick labels large enough for the back of the room. */
const tickFontPx = 20;

/**
 * Live metric series from metric injects, on a numeric drill-time axis, up to now. Each
 * chart is titled as its inject is, and takes an equal share of the height it is given.
 */
export function MetricCharts({
  metrics,
  nowMs,
}: {
  metrics: readonly MetricView[];
  nowMs: number;
}) {
  return (
    <div className="metric-charts" style={{ gridTemplateRows: `repeat(${metrics.length}, 1fr)` }}>
      {metrics.map((metric) => {
        const points = metric.points
          .filter(([atMs]) => atMs <= nowMs)
          .map(([atMs, value]) => ({ atMs, value }));
        const axis = yAxisPlan(
          points.map((point) => point.value),
          tickFontPx,
        );
        return (
          <figure key={metric.name} className="metric" data-testid="metric-chart">
            <figcaption>
              {metric.title}
              {metric.unit ? <span className="metric-unit"> ({metric.unit})</span> : null}
            </figcaption>
            <div className="metric-plot" data-axis-width={axis.width}>
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={points} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke="#44403c" strokeDasharray="3 3" />
                  <XAxis
                    dataKey="atMs"
                    type="number"
                    domain={['dataMin', 'dataMax']}
                    tickFormatter={(value: number) => formatDrillClock(value)}
                    stroke="#d6d3d1"
                    tick={{ fontSize: tickFontPx - 2, fill: '#e7e5e4' }}
                    height={32}
                  />
                  <YAxis
                    stroke="#d6d3d1"
                    width={axis.width}
                    ticks={[...axis.ticks]}
                    domain={[...axis.domain]}
                    interval={0}
                    tickFormatter={(value: number) =>
                      axis.labels[axis.ticks.indexOf(value)] ?? String(value)
                    }
                    tick={{ fontSize: tickFontPx, fill: '#e7e5e4' }}
                  />
                  <Tooltip labelFormatter={(value) => formatDrillClock(Number(value))} />
                  <Line
                    type="monotone"
                    dataKey="value"
                    stroke="#fb923c"
                    strokeWidth={4}
                    dot={false}
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </figure>
        );
      })}
    </div>
  );
}
