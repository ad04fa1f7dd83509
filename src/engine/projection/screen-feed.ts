/**
 * What only screens keep: the live feed (retractions marked in place) and metric series, which
 * grow as the server sends the points the drill has reached.
 */
import type { RoleName } from './feed-item';
import { feedItem } from './feed-item';
import type { FeedItem, MetricView, ProjectedEntry } from './projection-views';

export class ScreenFeed {
  readonly items: FeedItem[] = [];
  readonly metrics: MetricView[] = [];
  private readonly index = new Map<number, number>();
  /** For each metric series shown: the seq and drill time of the firing it comes from. */
  private readonly firings = new Map<string, { readonly seq: number; readonly drillMs: number }>();

  constructor(private readonly roleName: RoleName) {}

  add(entry: ProjectedEntry): void {
    const item = feedItem(entry, this.roleName);
    if (item) {
      this.index.set(entry.seq, this.items.length);
      this.items.push(item);
    }
    if (entry.type === 'inject.fired' && entry.inject?.metric) {
      const { name, unit, points } = entry.inject.metric;
      const series = {
        name,
        unit,
        points: points.map(([atMs, value]) => [entry.drillMs + atMs, value] as const),
      };
      // A later inject of the same metric replaces its series, in the place it had.
      const at = this.metrics.findIndex((metric) => metric.name === name);
      if (at === -1) this.metrics.push(series);
      else this.metrics[at] = series;
      this.firings.set(name, { seq: entry.seq, drillMs: entry.drillMs });
    }
  }

  /**
   * The points the series fired by entry `seq` has reached so far (the server sends a
   * metric's later points as the drill reaches them). Ignored once another firing replaced it.
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
