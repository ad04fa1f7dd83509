/**
 * A page for the chart benchmark: renders the history trend chart for many synthetic drills
 * and records, in `window.benchResult`, the time from render to every line drawn.
 * `?floor=1` draws instead the least recharts can draw (one line of two points, same size):
 * the floor the chart's figure is read beside, measured in the same run.
 * `?warm=1` first draws the same chart for ten drills and removes it, then times the draw:
 * a page whose recharts code has run once (History reloaded, the app back from a scorecard),
 * where the time is the chart's own work, not the first call of every recharts function.
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
const isWarm = query.get('warm') === '1';
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('no #root');
const root = createRoot(rootElement);
const chart = (shown: readonly DrillSummary[]) =>
  isFloor ? <FloorChart /> : <TrendChart drills={shown} />;

/** Calls `done` with the time from `started` once `lines` lines are drawn and painted. */
function whenDrawn(started: number, lines: number, done: (ms: number) => void) {
  const check = () => {
    const curves = [...document.querySelectorAll('.recharts-line-curve')].filter(
      (curve) => (curve.getAttribute('d') ?? '').length > 0,
    );
    // One more frame so the drawn chart has been painted.
    if (curves.length >= lines) requestAnimationFrame(() => done(performance.now() - started));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const timed = () => {
  const started = performance.now();
  root.render(chart(drills));
  whenDrawn(started, expectedLines, (ms) => {
    (window as unknown as { benchResult: number }).benchResult = ms;
  });
};
if (isWarm) {
  const few = drills.slice(0, 10);
  root.render(chart(few));
  whenDrawn(performance.now(), isFloor ? 1 : 2 * teams.length, () => {
    root.render(<></>);
    requestAnimationFrame(timed);
  });
} else timed();
