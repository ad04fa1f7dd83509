/**
 * What a screen shows of a drill, folded from the entries it may see: phase, clock,
 * severity, the feed, pages and their acknowledgements, metric series, checklists. Pure, so
 * a snapshot and the entries that follow it always give the same picture.
 */
import type { DrillSnapshot, VisibleEntry } from '../../protocol/drill-snapshot';

export interface DrillClockView {
  readonly running: boolean;
  readonly speed: number;
  readonly anchorDrillMs: number;
  /** Server wall time of the anchor. */
  readonly anchorWallMs: number;
}

export interface PageView {
  readonly seq: number;
  readonly drillMs: number;
  readonly from: string | null;
  readonly to: string;
  readonly channel: string;
  readonly delivered: boolean;
  readonly undelivered: string | null;
  readonly system: boolean;
  readonly message: Readonly<Record<string, string>>;
  readonly covered: readonly string[];
  readonly ackedAtMs: number | null;
  readonly retracted: boolean;
}

export interface FeedItem {
  readonly seq: number;
  readonly drillMs: number;
  readonly wallMs: number;
  readonly tone: 'inject' | 'surprise' | 'page' | 'ack' | 'team' | 'clock' | 'system';
  readonly title: string;
  readonly detail: string;
  readonly retracted: boolean;
}

export interface MetricView {
  readonly name: string;
  readonly unit: string;
  /** `[drill ms, value]`, in time order. */
  readonly points: readonly (readonly [number, number])[];
}

export interface DrillView {
  readonly phase: string;
  readonly clock: DrillClockView;
  readonly severity: string | null;
  readonly feed: readonly FeedItem[];
  readonly pages: readonly PageView[];
  readonly metrics: readonly MetricView[];
  readonly checklists: ReadonlyMap<string, readonly boolean[]>;
  readonly lastSeq: number;
}

export function foldView(snapshot: DrillSnapshot, entries: readonly VisibleEntry[]): DrillView {
  const roleName = (id: string | null) =>
    id === null
      ? 'paging system'
      : (snapshot.scenario.roles.find((role) => role.id === id)?.name ?? id);
  let phase = 'briefing';
  let clock: DrillClockView = {
    running: false,
    speed: snapshot.drill.speed,
    anchorDrillMs: 0,
    anchorWallMs: 0,
  };
  let severity: string | null = null;
  const feed: FeedItem[] = [];
  const pages = new Map<number, PageView>();
  const metrics = new Map<string, MetricView>();
  const checklists = new Map(
    snapshot.scenario.checklists.map((checklist) => [
      checklist.id,
      checklist.items.map(() => false),
    ]),
  );
  const retracted = new Set(
    entries
      .filter((entry) => entry.type === 'fact.retracted')
      .map((entry) => (entry.type === 'fact.retracted' ? entry.payload.seq : 0)),
  );
  const item = (entry: VisibleEntry, tone: FeedItem['tone'], title: string, detail = '') =>
    feed.push({
      seq: entry.seq,
      drillMs: entry.drillMs,
      wallMs: entry.wallMs,
      tone,
      title,
      detail,
      retracted: retracted.has(entry.seq),
    });

  for (const entry of entries) {
    switch (entry.type) {
      case 'drill.started':
      case 'drill.resumed':
        phase = 'running';
        clock = {
          ...clock,
          running: true,
          anchorDrillMs: entry.drillMs,
          anchorWallMs: entry.wallMs,
        };
        item(entry, 'clock', entry.type === 'drill.started' ? 'Drill started' : 'Drill resumed');
        break;
      case 'drill.paused':
        phase = 'paused';
        clock = {
          ...clock,
          running: false,
          anchorDrillMs: entry.drillMs,
          anchorWallMs: entry.wallMs,
        };
        item(
          entry,
          'clock',
          entry.payload.reason === 'downtime' ? 'Paused while the server was down' : 'Drill paused',
        );
        break;
      case 'drill.speed_changed':
        clock = {
          ...clock,
          speed: entry.payload.factor,
          anchorDrillMs: entry.drillMs,
          anchorWallMs: entry.wallMs,
        };
        item(entry, 'clock', `Speed ×${entry.payload.factor}`);
        break;
      case 'drill.ended':
      case 'drill.aborted':
        phase = entry.type === 'drill.ended' ? 'ended' : 'aborted';
        clock = {
          ...clock,
          running: false,
          anchorDrillMs: entry.drillMs,
          anchorWallMs: entry.wallMs,
        };
        item(
          entry,
          'clock',
          entry.type === 'drill.ended'
            ? 'Drill ended'
            : `Drill aborted${entry.payload.reason ? `: ${entry.payload.reason}` : ''}`,
        );
        break;
      case 'inject.fired': {
        const inject = entry.inject;
        if (!inject) break;
        if (inject.metric) {
          metrics.set(inject.metric.name, {
            name: inject.metric.name,
            unit: inject.metric.unit,
            points: inject.metric.points.map(
              ([atMs, value]) => [entry.drillMs + atMs, value] as const,
            ),
          });
        }
        const from = inject.from ? `${roleName(inject.from)}: ` : '';
        item(
          entry,
          inject.kind === 'surprise' ? 'surprise' : 'inject',
          `${from}${inject.title ?? inject.id}`,
          inject.body,
        );
        break;
      }
      case 'inject.adhoc_sent':
        item(entry, 'inject', entry.payload.title, entry.payload.body);
        break;
      case 'effect.began':
        if (entry.payload.effect.type === 'severity') severity = entry.payload.effect.severity;
        break;
      case 'severity.declared':
        if (!retracted.has(entry.seq)) severity = entry.payload.severity;
        item(entry, 'team', `${roleName(entry.payload.by)} declared ${entry.payload.severity}`);
        break;
      case 'escalation.recorded': {
        const { from, to, channel, delivered, undelivered, system, message, covered } =
          entry.payload;
        pages.set(entry.seq, {
          seq: entry.seq,
          drillMs: entry.drillMs,
          from,
          to,
          channel,
          delivered,
          undelivered,
          system,
          message,
          covered,
          ackedAtMs: null,
          retracted: retracted.has(entry.seq),
        });
        const outcome = delivered
          ? ''
          : undelivered === 'unavailable'
            ? ' — no answer'
            : ' — channel down';
        item(
          entry,
          'page',
          `${roleName(from)} → ${roleName(to)} (${channel})${outcome}`,
          Object.values(message).join(' · '),
        );
        break;
      }
      case 'acknowledgement.recorded': {
        const page = pages.get(entry.payload.escalation);
        if (page && !retracted.has(entry.seq))
          pages.set(page.seq, { ...page, ackedAtMs: entry.drillMs });
        item(entry, 'ack', `${roleName(entry.payload.by)} acknowledged`);
        break;
      }
      case 'handoff.recorded':
        item(
          entry,
          'team',
          `Handoff ${roleName(entry.payload.from)} → ${roleName(entry.payload.to)}`,
          Object.values(entry.payload.message).join(' · '),
        );
        break;
      case 'checklist.checked':
      case 'checklist.unchecked': {
        const items = checklists.get(entry.payload.checklist);
        if (items && !retracted.has(entry.seq))
          items[entry.payload.item] = entry.type === 'checklist.checked';
        break;
      }
      case 'decision.recorded':
        item(entry, 'team', `${roleName(entry.payload.by)} decided ${entry.payload.decision}`);
        break;
      case 'note.recorded':
        item(entry, 'team', `Note (${entry.payload.by})`, entry.payload.text);
        break;
      case 'experiment.state_changed':
        item(
          entry,
          'system',
          `Experiment ${entry.payload.experiment}: ${entry.payload.status}${entry.payload.dryRun ? ' (dry run)' : ''}`,
          entry.payload.reason ?? '',
        );
        break;
      default:
        break;
    }
  }
  return {
    phase,
    clock,
    severity,
    feed,
    pages: [...pages.values()],
    metrics: [...metrics.values()],
    checklists,
    lastSeq: entries.at(-1)?.seq ?? 0,
  };
}

/** The drill time now, on the server's clock (`serverOffsetMs` = server wall − browser wall). */
export function drillNowMs(
  clock: DrillClockView,
  serverOffsetMs: number,
  browserNowMs: number,
): number {
  if (!clock.running) return clock.anchorDrillMs;
  return (
    clock.anchorDrillMs +
    Math.max(0, Math.floor((browserNowMs + serverOffsetMs - clock.anchorWallMs) * clock.speed))
  );
}

/** `T+12:30` (or `T+1:02:30`), how drill time is shown everywhere. */
export function formatDrillClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `T+${hours}:${minutes}:${seconds}` : `T+${minutes}:${seconds}`;
}
