/**
 * A page for the chart benchmark: renders the history trend chart for many synthetic drills
 * and records, in `window.benchResult`, the time from render to every line drawn.
 * `?floor=1` draws instead the least recharts can draw (one line of two points, same size):
 * the floor the chart's figure is read beside, measured in the same run.
 */
import { createRoot } from 'react-dom/client';
import { Line, LineChart } from 'recharts';
import type { DrillSummary } from '../../src/protocol/drill-summary';
import { TrendChart } from '../../src/app/review/trend-chart';

const query = new URLSearchParams(location.search);
const count = Number(query.get('drills') ?? '500');
const isFloor = query.get('floor') === '1';
const teams = ['Blue', 'Red', 'Green', 'Amber', 'Violet'];
let state = 42;
const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
const drills: DrillSummary[] = Array.from({ length: count }, (_, index) => ({
  id: `drill-${index}`,
  scenario: 'db-failover-sev2',
  team: teams[index % teams.length] ?? '',
  status: 'ended',
  createdWallMs: Date.UTC(2026, 0, 1) + index * 3_600_000,
  endedWallMs: Date.UTC(2026, 0, 1) + index * 3_600_000 + 2_700_000,
  excluded: false,
  overall: Math.round(40 + random() * 60),
  timeToFirstEscalationS: Math.round(random() * 600),
  medianTimeToEscalateS: Math.round(random() * 900),
  dimensions: { timeliness: null, communication: null, acknowledgement: null, checklists: null },
  expectations: [],
}));

const floorPoints = [
  { at: 0, value: 1 },
  { at: 1, value: 2 },
];
function FloorChart() {
  return (
    <LineChart data={floorPoints} width={1200} height={240}>
      <Line dataKey="value" dot={false} isAnimationActive={false} />
    </LineChart>
  );
}

// A team's line needs two points to be drawn; both charts draw one per team.
const expectedLines = isFloor ? 1 : 2 * Math.min(teams.length, Math.floor(count / 2));
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
const started = performance.now();
createRoot(root).render(isFloor ? <FloorChart /> : <TrendChart drills={drills} />);
const check = () => {
  const curves = [...document.querySelectorAll('.recharts-line-curve')].filter(
    (curve) => (curve.getAttribute('d') ?? '').length > 0,
  );
  if (curves.length >= expectedLines) {
    // One more frame so the drawn chart has been painted.
    requestAnimationFrame(() => {
      (window as unknown as { benchResult: number }).benchResult = performance.now() - started;
    });
  } else requestAnimationFrame(check);
};
requestAnimationFrame(check);
