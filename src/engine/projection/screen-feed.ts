/** What only screens keep: the live feed (retractions marked in place) and metric series. */
import type { RoleName } from './feed-item';
import { feedItem } from './feed-item';
import type { FeedItem, MetricView, ProjectedEntry } from './projection-views';

export class ScreenFeed {
  readonly items: FeedItem[] = [];
  readonly metrics: MetricView[] = [];
  private readonly index = new Map<number, number>();

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
    }
  }

  retract(seq: number): void {
    const at = this.index.get(seq);
    const item = at === undefined ? undefined : this.items[at];
    if (at !== undefined && item) this.items[at] = { ...item, retracted: true };
  }
}
