/**
 * What only screens keep: the live feed (retractions marked in place, a pause and its resume
 * folded into one line) and metric series, which grow as the server sends the points the
 * drill has reached, and turn where they branch.
 */
import { branchedPoints } from '../metric-series';
import { formatPauseLength } from './drill-clock-text';
import type { RoleName } from './feed-item';
import { feedItem } from './feed-item';
import type { FeedItem, FiredInject, MetricView, ProjectedEntry } from './projection-views';

interface Firing {
  readonly seq: number;
  readonly drillMs: number;
  readonly inject: string;
  readonly branches: NonNullable<FiredInject['metric']>['branches'];
}

export class ScreenFeed {
  readonly items: FeedItem[] = [];
  readonly metrics: MetricView[] = [];
  private readonly index = new Map<number, number>();
  /** For each metric series shown: the seq and drill time of the firing it comes from. */
  private readonly firings = new Map<string, Firing>();
  /** The feed line of the pause in force, which its resume completes instead of adding one. */
  private openPause: { readonly at: number; readonly wallMs: number } | null = null;

  constructor(private readonly roleName: RoleName) {}

  add(entry: ProjectedEntry): void {
    if (entry.type === 'drill.resumed' && this.foldResume(entry.wallMs)) return;
    const item = feedItem(entry, this.roleName);
    if (entry.type === 'drill.paused' && item)
      this.openPause = { at: this.items.length, wallMs: entry.wallMs };
    if (item) {
      this.index.set(entry.seq, this.items.length);
      this.items.push(item);
    }
    if (entry.type === 'inject.fired' && entry.inject?.metric) {
      const { name, unit, points } = entry.inject.metric;
      const series = {
        name,
        title: entry.inject.title ?? name,
        unit,
        points: points.map(([atMs, value]) => [entry.drillMs + atMs, value] as const),
      };
      // A later inject of the same metric replaces its series, in the place it had.
      const at = this.metrics.findIndex((metric) => metric.name === name);
      if (at === -1) this.metrics.push(series);
      else this.metrics[at] = series;
      this.firings.set(name, {
        seq: entry.seq,
        drillMs: entry.drillMs,
        inject: entry.payload.inject,
        branches: entry.inject.metric.branches,
      });
    }
    if (entry.type === 'metric.branched')
      this.branch(entry.payload.inject, entry.payload.branch, entry.drillMs);
  }

  /**
   * "Paused at T+12:03" becomes "Paused at T+12:03 — resumed after 2 min": one line per pause,
   * however many a drill has, so pauses never push the rest of the feed off a screen. The
   * length is wall time, as the room lived it (the drill clock stood still).
   */
  private foldResume(resumedWallMs: number): boolean {
    const pause = this.openPause;
    const item = pause ? this.items[pause.at] : undefined;
    this.openPause = null;
    if (!pause || !item) return false;
    const title = `${item.title} — resumed after ${formatPauseLength(resumedWallMs - pause.wallMs)}`;
    this.items[pause.at] = { ...item, title };
    return true;
  }

  /**
   * From the branch moment the branch's points replace the rest of the series. A screen that
   * does not know the branch's points (the room) drops the rest and hears of them as they come.
   */
  private branch(inject: string, branch: number, atMs: number): void {
    for (const [name, firing] of this.firings) {
      if (firing.inject !== inject) continue;
      const at = this.metrics.findIndex((metric) => metric.name === name);
      const metric = this.metrics[at];
      if (!metric) continue;
      const points = branchedPoints(
        metric.points.map(([pointMs, value]) => [pointMs - firing.drillMs, value] as const),
        firing.branches?.[branch]?.points ?? [],
        atMs - firing.drillMs,
      );
      this.metrics[at] = {
        ...metric,
        points: points.map(([pointMs, value]) => [firing.drillMs + pointMs, value] as const),
      };
    }
  }

  /**
   * The points the series fired by entry `seq` has reached so far (the server sends a
   * metric's later points as the drill reaches them; after a branch, the branched series).
   * Ignored once another firing replaced it.
   */
  metricReached(seq: number, points: readonly (readonly [number, number])[]): void {
    for (const [name, firing] of this.firings) {
      if (firing.seq !== seq) continue;
      const at = this.metrics.findIndex((metric) => metric.name === name);
      const metric = this.metrics[at];
      if (metric)
        this.metrics[at] = {
          ...metric,
          points: points.map(([atMs, value]) => [firing.drillMs + atMs, value] as const),
        };
    }
  }

  retract(seq: number): void {
    const at = this.index.get(seq);
    const item = at === undefined ? undefined : this.items[at];
    if (at !== undefined && item) this.items[at] = { ...item, retracted: true };
  }
}
