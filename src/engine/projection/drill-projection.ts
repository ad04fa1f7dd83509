/**
 * The one meaning of a drill's log for everything people see: the phase and clock, the
 * severity, effects in force, pages and their acknowledgements, checklists, who holds whose
 * duties after handoffs, where each inject stands, and (for screens) the feed and metrics.
 *
 * It folds entries one at a time (`apply`, amortised constant time), from the whole log on
 * the server or from the entries a screen may see, and answers the same for both. Facts
 * that can be backdated are decided in drill order (drill time, then log order): the latest
 * check or uncheck of an item, the latest severity, the first acknowledgement of a page,
 * each among the facts not retracted.
 */
import type { DrillClock } from '../drill-clock';
import { anchored, stoppedClock } from '../drill-clock';
import type { EntryOf } from '../log';
import type { DebriefItem } from './debrief-book';
import { DebriefBook } from './debrief-book';
import { DrillOrderRegister } from './drill-order-register';
import type { RoleName } from './feed-item';
import { EffectBook } from './effect-book';
import { PageBook } from './page-book';
import { PhaseBook } from './phase-book';
import type {
  DrillView,
  EffectView,
  InjectProgress,
  PageView,
  PauseReason,
  Phase,
  ProjectedEntry,
  ProjectionScenario,
} from './projection-views';
import { ScreenFeed } from './screen-feed';

export interface ProjectionOptions {
  /** Keep the live feed and the metric series, which screens show and the engine does not. */
  readonly feed?: boolean;
  /** The clock's speed until an entry says otherwise (screens never see `drill.created`). */
  readonly speed?: number;
}

type Ack = EntryOf<'acknowledgement.recorded'>;
type Check = EntryOf<'checklist.checked'> | EntryOf<'checklist.unchecked'>;
type SeverityFact = { readonly seq: number; readonly drillMs: number; readonly severity: string };
type Handoff = EntryOf<'handoff.recorded'>;

const notYet: InjectProgress = { firedAtMs: null, cause: null, skipped: false, delayedByMs: 0 };
const itemKey = (checklist: string, item: number) => `${checklist}\u0000${item}`;

export class DrillProjection {
  private phaseNow: Phase = 'briefing';
  private pausedBy: PauseReason | null = null;
  private clockNow: DrillClock;
  private lastSeqSeen = 0;
  private readonly effectBook = new EffectBook();
  private readonly pageBook = new PageBook();
  private readonly debriefBook = new DebriefBook();
  private readonly checks = new DrillOrderRegister<Check>('latest');
  private readonly severities = new DrillOrderRegister<SeverityFact>('latest');
  private readonly handoffs = new DrillOrderRegister<Handoff>('latest');
  private readonly checklistItems = new Map<string, readonly boolean[]>();
  private readonly injectProgress = new Map<string, InjectProgress>();
  private readonly retracted = new Set<number>();
  private readonly holders = new Map<string, string>();
  private readonly phaseBook: PhaseBook;
  /** Only screens keep the feed; the engine does without. */
  private readonly feed: ScreenFeed | null;

  constructor(scenario: ProjectionScenario, options: ProjectionOptions = {}) {
    const names = new Map(scenario.roles.map((role) => [role.id, role.name]));
    const roleName: RoleName = (id) => (id === null ? 'paging system' : (names.get(id) ?? id));
    this.feed = options.feed ? new ScreenFeed(roleName) : null;
    this.phaseBook = new PhaseBook(scenario);
    this.clockNow = { ...stoppedClock, speed: options.speed ?? stoppedClock.speed };
    for (const checklist of scenario.checklists)
      this.checklistItems.set(
        checklist.id,
        checklist.items.map(() => false),
      );
  }

  get phase(): Phase {
    return this.phaseNow;
  }
  get clock(): DrillClock {
    return this.clockNow;
  }
  get severity(): string | null {
    return this.severities.current('severity')?.severity ?? null;
  }
  get lastSeq(): number {
    return this.lastSeqSeen;
  }
  /** Every effect that began, in log order; an index stays the same effect for good. */
  get effects(): readonly EffectView[] {
    return this.effectBook.effects;
  }
  /** Pages and escalations in log order. */
  get pages(): readonly PageView[] {
    return this.pageBook.pages;
  }
  get checklists(): ReadonlyMap<string, readonly boolean[]> {
    return this.checklistItems;
  }
  get retractedSeqs(): ReadonlySet<number> {
    return this.retracted;
  }
  /** The debrief as it stands: each item in its latest version, withdrawn ones left out. */
  get debrief(): readonly DebriefItem[] {
    return this.debriefBook.current;
  }
  /** The debrief item a version belongs to, while it stands. */
  debriefItemWith(seq: number): DebriefItem | undefined {
    return this.debriefBook.itemWith(seq);
  }
  /** Whether a phase (format v2) has begun. */
  hasPhaseStarted(phase: string): boolean {
    return this.phaseBook.hasStarted(phase);
  }

  page(seq: number): PageView | undefined {
    return this.pageBook.page(seq);
  }

  /** The acknowledgement that counts for a page: the first in drill order not retracted. */
  acknowledgementOf(escalation: number): Ack | undefined {
    return this.pageBook.acknowledgementOf(escalation);
  }

  /** The check or uncheck that decides an item now, if any counts. */
  checkInForce(checklist: string, item: number): Check | undefined {
    return this.checks.current(itemKey(checklist, item));
  }

  inject(id: string): InjectProgress {
    return this.injectProgress.get(id) ?? notYet;
  }

  apply(entry: ProjectedEntry): void {
    this.lastSeqSeen = Math.max(this.lastSeqSeen, entry.seq);
    this.applyFact(entry);
    this.feed?.add(entry);
  }

  /** A metric series' points so far, for the `inject.fired` entry numbered `seq` (screens only). */
  metricReached(seq: number, points: readonly (readonly [number, number])[]): void {
    this.feed?.metricReached(seq, points);
  }

  /**
   * The drill now, for a screen to render: a new object after every entry, in constant time.
   * Its lists and maps are the projection's own, read-only, and move on with later entries:
   * render from them, do not keep them to compare one frame with the next.
   */
  view(): DrillView {
    return {
      phase: this.phaseNow,
      clock: this.clockNow,
      severity: this.severity,
      effects: this.effectBook.effects,
      pages: this.pageBook.pages,
      checklists: this.checklistItems,
      heldBy: this.holders,
      injects: this.injectProgress,
      feed: this.feed?.items ?? [],
      metrics: this.feed?.metrics ?? [],
      phases: this.phaseBook.started,
      currentPhase: this.phaseBook.current,
      pausedBy: this.pausedBy,
      prompts: this.phaseBook.prompts,
      lastSeq: this.lastSeqSeen,
    };
  }

  private applyFact(entry: ProjectedEntry): void {
    switch (entry.type) {
      case 'drill.created':
        this.clockNow = { ...this.clockNow, speed: entry.payload.speed };
        return;
      case 'drill.started':
      case 'drill.resumed':
        return this.moveClock('running', entry, { running: true });
      case 'drill.paused':
        this.moveClock('paused', entry, { running: false });
        this.pausedBy = entry.payload.reason;
        return;
      case 'drill.speed_changed':
        this.clockNow = anchored(this.clockNow, entry.drillMs, entry.wallMs, {
          speed: entry.payload.factor,
        });
        return;
      case 'drill.ended':
        return this.moveClock('ended', entry, { running: false });
      case 'drill.aborted':
        return this.moveClock('aborted', entry, { running: false });
      case 'phase.started':
        return this.phaseBook.start(entry);
      case 'inject.fired':
        this.phaseBook.injectFired(entry.seq, entry.drillMs, entry.inject);
        return this.progress(entry.payload.inject, {
          firedAtMs: entry.drillMs,
          cause: entry.payload.cause,
        });
      case 'inject.skipped':
        return this.progress(entry.payload.inject, { skipped: true });
      case 'inject.delayed':
        return this.progress(entry.payload.inject, {
          delayedByMs: this.inject(entry.payload.inject).delayedByMs + entry.payload.byMs,
        });
      case 'effect.began':
        this.effectBook.began(entry);
        if (entry.payload.effect.type === 'severity')
          this.addSeverity(entry, entry.payload.effect.severity);
        return;
      case 'effect.ended':
        return this.effectBook.ended(entry);
      case 'escalation.recorded':
        return this.pageBook.add(entry);
      case 'acknowledgement.recorded':
        return this.pageBook.acknowledge(entry);
      case 'checklist.checked':
      case 'checklist.unchecked':
        if (this.checks.add(itemKey(entry.payload.checklist, entry.payload.item), entry))
          this.refreshItem(entry.payload.checklist, entry.payload.item);
        return;
      case 'severity.declared':
        return this.addSeverity(entry, entry.payload.severity);
      case 'handoff.recorded':
        // An undelivered handoff (the receiver unreachable) leaves the duties where they were.
        if (entry.payload.delivered === false) return;
        if (this.handoffs.add(entry.payload.from, entry)) this.refreshHolder(entry.payload.from);
        return;
      case 'debrief.recorded':
        return this.debriefBook.record(entry);
      case 'fact.retracted':
        return this.retract(entry.payload.seq);
      default:
        return;
    }
  }

  private moveClock(phase: Phase, entry: ProjectedEntry, changes: Partial<DrillClock>): void {
    this.phaseNow = phase;
    this.pausedBy = null;
    this.clockNow = anchored(this.clockNow, entry.drillMs, entry.wallMs, changes);
  }

  private addSeverity(entry: ProjectedEntry, severity: string): void {
    this.severities.add('severity', { seq: entry.seq, drillMs: entry.drillMs, severity });
  }

  private progress(inject: string, changes: Partial<InjectProgress>): void {
    this.injectProgress.set(inject, { ...this.inject(inject), ...changes });
  }

  private refreshHolder(role: string): void {
    const handoff = this.handoffs.current(role);
    if (handoff) this.holders.set(role, handoff.payload.to);
    else this.holders.delete(role);
  }

  private refreshItem(checklist: string, item: number): void {
    const items = this.checklistItems.get(checklist);
    if (!items || item < 0 || item >= items.length) return;
    const checked = this.checks.current(itemKey(checklist, item))?.type === 'checklist.checked';
    if (items[item] === checked) return;
    this.checklistItems.set(
      checklist,
      items.map((value, index) => (index === item ? checked : value)),
    );
  }

  /** A retracted fact stops counting: what it decided falls to the next fact in drill order. */
  private retract(seq: number): void {
    if (this.retracted.has(seq)) return;
    this.retracted.add(seq);
    this.pageBook.retract(seq);
    this.debriefBook.retract(seq);
    const item = this.checks.retract(seq);
    if (item !== null) {
      const [checklist = '', index = '0'] = item.split('\u0000');
      this.refreshItem(checklist, Number(index));
    }
    this.severities.retract(seq);
    const handedOver = this.handoffs.retract(seq);
    if (handedOver !== null) this.refreshHolder(handedOver);
    this.feed?.retract(seq);
  }
}

/** The projection of a whole log at once (the scorer's and the reports' way in). */
export function projectLog(
  scenario: ProjectionScenario,
  entries: readonly ProjectedEntry[],
  options?: ProjectionOptions,
): DrillProjection {
  const projection = new DrillProjection(scenario, options);
  for (const entry of entries) projection.apply(entry);
  return projection;
}
