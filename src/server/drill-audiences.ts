/**
 * What each audience of one drill may see, kept as the log grows rather than filtered from
 * the whole log per snapshot or frame: each audience's numbering (`audience-numbering.ts`),
 * each entry's JSON for the room (serialised once, shared by the projector and every
 * participant, stamped with the audience's own number when sent), and the metric points the
 * drill has reached (`metric-release.ts`). One per live drill, made on first use.
 */
import type { LogEntry } from '../engine/log';
import type { VisibleEntry } from '../protocol/drill-snapshot';
import type { LiveDrill } from './live-drill';
import type { AudienceNumbering } from './audience-numbering';
import { audienceKey, LogNumbering, RoomNumbering } from './audience-numbering';
import type { MetricListener, MetricPoints } from './metric-release';
import { MetricRelease, pointsSoFar } from './metric-release';
import { referencedSeqs, renumbered } from './seq-references';
import type { Viewer } from './visibility';
import { shownEntry } from './visibility';

const audiencesByDrill = new WeakMap<LiveDrill, DrillAudiences>();

/** The drill's audiences; `now` is the host's wall clock (for the metric points reached). */
export function audiencesOf(live: LiveDrill, now: () => number): DrillAudiences {
  let audiences = audiencesByDrill.get(live);
  if (!audiences) {
    audiences = new DrillAudiences(live, now);
    audiencesByDrill.set(live, audiences);
  }
  return audiences;
}

export class DrillAudiences {
  /** The last log seq the listeners have been told (stored, so it may be sent). */
  private told: number;
  private readonly numberings = new Map<string, AudienceNumbering>();
  /** Per log entry: its room JSON after the seq, for entries that read the same for everyone. */
  private readonly roomJson: (string | undefined)[] = [];
  private readonly metricListeners = new Set<MetricListener>();
  private readonly metrics: MetricRelease;

  constructor(
    private readonly live: LiveDrill,
    now: () => number,
  ) {
    this.told = live.drill.log.length;
    this.metrics = new MetricRelease(
      live.drill.scenario,
      () => live.drill.state().clock,
      now,
      (logSeq, points) => {
        for (const listener of this.metricListeners) listener(logSeq, points);
      },
    );
    // Subscribed before any socket of this drill: sockets hear of entries after this has.
    live.subscribe((entries) => {
      this.told = Math.max(this.told, entries.at(-1)?.seq ?? 0);
      this.metrics.follow(entries);
    });
    live.onClose(() => this.metrics.close());
    this.metrics.follow(live.drill.log);
  }

  /** A viewer's numbering, caught up with every entry told so far. */
  numbering(viewer: Viewer): AudienceNumbering {
    const key = audienceKey(viewer);
    let numbering = this.numberings.get(key);
    if (!numbering) {
      numbering =
        viewer.audience === 'facilitator'
          ? new LogNumbering()
          : new RoomNumbering(this.live.drill.scenario, viewer);
      this.numberings.set(key, numbering);
    }
    numbering.catchUp(this.live.drill.log, this.told);
    return numbering;
  }

  /** Told of the metric points the drill reaches, as it reaches them. */
  onMetric(listener: MetricListener): () => void {
    this.metricListeners.add(listener);
    return () => this.metricListeners.delete(listener);
  }

  /** Each metric inject fired so far (its log seq) and the points it has reached. */
  metricsReached(): { readonly logSeq: number; readonly points: MetricPoints }[] {
    return this.metrics.reached();
  }

  /**
   * The JSON of each entry the viewer numbers after `afterSeq`, in its numbering, to be
   * joined with commas into a JSON array.
   */
  entriesJsonAfter(viewer: Viewer, numbering: AudienceNumbering, afterSeq: number): string[] {
    if (viewer.audience === 'facilitator') {
      // The log as it is, numbered as it is: one serialisation is faster than one per entry.
      const scenario = this.live.drill.scenario;
      const entries = this.live.drill.log
        .slice(afterSeq, numbering.seq)
        .map((entry) => shownEntry(scenario, entry, true));
      return entries.length === 0 ? [] : [JSON.stringify(entries).slice(1, -1)];
    }
    const json: string[] = [];
    const drillNow = this.metrics.drillNowMs();
    for (let seq = afterSeq + 1; seq <= numbering.seq; seq++) {
      const logSeq = numbering.logSeqOf(seq);
      const entry = logSeq === undefined ? undefined : this.live.drill.log[logSeq - 1];
      if (entry) json.push(this.entryJson(numbering, entry, seq, drillNow));
    }
    return json;
  }

  private entryJson(
    numbering: AudienceNumbering,
    entry: LogEntry,
    seq: number,
    drillNow: number,
  ): string {
    const scenario = this.live.drill.scenario;
    const cached = this.roomJson[entry.seq - 1];
    if (cached !== undefined) return `{"seq":${seq},${cached}`;
    const shown = shownEntry(scenario, entry, false);
    if (referencedSeqs(entry).length === 0 && !shown.inject?.metric) {
      // Cached without its opening brace and seq: each audience puts its own number in front.
      const rest = JSON.stringify({ ...shown, seq: undefined }).slice(1);
      this.roomJson[entry.seq - 1] = rest;
      return `{"seq":${seq},${rest}`;
    }
    const own = renumbered(withPointsSoFar(shown, drillNow), seq, (logSeq) =>
      numbering.numberOf(logSeq),
    );
    // The numbering admits only entries whose references it numbers, so `own` is never null.
    return JSON.stringify(own);
  }
}

/** A metric inject as the room sees it: only the points the drill has reached. */
function withPointsSoFar(entry: VisibleEntry, drillNowMs: number): VisibleEntry {
  const metric = entry.inject?.metric;
  if (!entry.inject || !metric) return entry;
  const points = pointsSoFar(metric.points, entry.drillMs, drillNowMs);
  return { ...entry, inject: { ...entry.inject, metric: { ...metric, points } } };
}
