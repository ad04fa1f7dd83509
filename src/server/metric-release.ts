/**
 * Metric series reach the room only as the drill gets to them. A metric inject holds the
 * whole curve, later points included (the facilitator's to know: they are the answer to
 * "what happens if nobody acts"); the projector and participants get the points at or before
 * the drill time of the moment, then each later point once the drill clock reaches it, as a
 * `metric` frame. One timer per drill, woken at the next point due, following the clock
 * through pauses and speed changes.
 */
import type { DrillClock } from '../engine/drill-clock';
import { drillTimeAt, wallTimeAt } from '../engine/drill-clock';
import type { LogEntry } from '../engine/log';
import { branchedPoints } from '../engine/metric-series';
import { scenarioIndex } from '../engine/scenario-index';
import type { Scenario } from '../scenario/types';

export type MetricPoints = readonly (readonly [number, number])[];

/** The points of a series fired at `firedAtMs` that the drill has reached at `drillNowMs`. */
export function pointsSoFar(
  points: MetricPoints,
  firedAtMs: number,
  drillNowMs: number,
): MetricPoints {
  const due = dueCount(points, firedAtMs, drillNowMs);
  return due === points.length ? points : points.slice(0, due);
}

function dueCount(points: MetricPoints, firedAtMs: number, drillNowMs: number): number {
  let due = 0;
  while (due < points.length && firedAtMs + (points[due]?.[0] ?? Infinity) <= drillNowMs) due++;
  return due;
}

interface Series {
  readonly logSeq: number;
  readonly inject: string;
  readonly firedAtMs: number;
  /** The inject's series; once it branched, the branched one (still measured from the firing). */
  points: MetricPoints;
  released: number;
}

/** Told the log seq of a metric inject's firing and every point it has reached so far. */
export type MetricListener = (logSeq: number, points: MetricPoints) => void;

export class MetricRelease {
  /** Every metric inject fired, in log order; `pending` those with points still to come. */
  private readonly fired: Series[] = [];
  private readonly pending: Series[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly clock: () => DrillClock,
    private readonly now: () => number,
    private readonly onRelease: MetricListener,
  ) {}

  /** The drill time now, by the drill's clock. */
  drillNowMs(): number {
    return drillTimeAt(this.clock(), this.now());
  }

  /** New entries, once stored: metric injects that fired, and clock changes to follow. */
  follow(entries: readonly LogEntry[]): void {
    const drillNow = this.drillNowMs();
    for (const entry of entries) {
      if (entry.type === 'metric.branched') this.branch(entry, drillNow);
      if (entry.type !== 'inject.fired') continue;
      const points = scenarioIndex(this.scenario).injects.get(entry.payload.inject)?.metric?.points;
      if (!points) continue;
      const series = {
        logSeq: entry.seq,
        inject: entry.payload.inject,
        firedAtMs: entry.drillMs,
        points,
        released: dueCount(points, entry.drillMs, drillNow),
      };
      this.fired.push(series);
      if (series.released < points.length) this.pending.push(series);
    }
    this.release();
  }

  /** Each metric inject fired so far (its log seq) and the points it has reached. */
  reached(): { readonly logSeq: number; readonly points: MetricPoints }[] {
    const drillNow = this.drillNowMs();
    return this.fired.map(({ logSeq, firedAtMs, points }) => ({
      logSeq,
      points: pointsSoFar(points, firedAtMs, drillNow),
    }));
  }

  /** From the branch moment the branch's points replace the rest: the room is told at once. */
  private branch(entry: Extract<LogEntry, { type: 'metric.branched' }>, drillNow: number): void {
    const series = this.fired.find((candidate) => candidate.inject === entry.payload.inject);
    const metric = scenarioIndex(this.scenario).injects.get(entry.payload.inject)?.metric;
    const branch = metric?.branches[entry.payload.branch];
    if (!series || !branch) return;
    series.points = branchedPoints(series.points, branch.points, entry.drillMs - series.firedAtMs);
    series.released = dueCount(series.points, series.firedAtMs, drillNow);
    if (!this.pending.includes(series)) this.pending.push(series);
    this.onRelease(series.logSeq, series.points.slice(0, series.released));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private release(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    const drillNow = this.drillNowMs();
    for (const series of this.pending) {
      const due = dueCount(series.points, series.firedAtMs, drillNow);
      if (due <= series.released) continue;
      series.released = due;
      this.onRelease(series.logSeq, series.points.slice(0, due));
    }
    for (let index = this.pending.length - 1; index >= 0; index--) {
      const series = this.pending[index];
      if (series && series.released >= series.points.length) this.pending.splice(index, 1);
    }
    this.schedule();
  }

  private schedule(): void {
    let nextDrillMs = Infinity;
    for (const series of this.pending)
      nextDrillMs = Math.min(
        nextDrillMs,
        series.firedAtMs + (series.points[series.released]?.[0] ?? Infinity),
      );
    if (nextDrillMs === Infinity) return;
    const wakeAt = wallTimeAt(this.clock(), nextDrillMs);
    if (wakeAt === null) return; // stopped: the next clock change calls `follow` again
    const delay = Math.min(Math.max(0, wakeAt - this.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.release(), delay);
  }
}
