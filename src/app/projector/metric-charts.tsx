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

/** Live metric series from metric injects, on a numeric drill-time axis, up to now. */
export function MetricCharts({
  metrics,
  nowMs,
}: {
  metrics: readonly MetricView[];
  nowMs: number;
}) {
  return (
    <div className="metric-charts">
      {metrics.map((metric) => {
        const points = metric.points
          .filter(([atMs]) => atMs <= nowMs)
          .map(([atMs, value]) => ({ atMs, value }));
        return (
          <figure key={metric.name} className="metric" data-testid="metric-chart">
            <figcaption>
              {metric.name} {metric.unit ? <span className="muted">({metric.unit})</span> : null}
            </figcaption>
            <ResponsiveContainer width="100%" height={180}>
              <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="#333" strokeDasharray="3 3" />
                <XAxis
                  dataKey="atMs"
                  type="number"
                  domain={['dataMin', 'dataMax']}
                  tickFormatter={(value: number) => formatDrillClock(value)}
                  stroke="#bbb"
                />
                <YAxis stroke="#bbb" width={48} />
                <Tooltip labelFormatter={(value) => formatDrillClock(Number(value))} />
                <Line
                  type="monotone"
                  dataKey="value"
                  stroke="#f97316"
                  strokeWidth={3}
                  dot={false}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        );
      })}
    </div>
  );
}
