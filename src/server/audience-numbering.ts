/**
 * A viewer's own numbering of the log. The facilitator numbers entries as the log does; the
 * projector and each participant number only the entries they may see, 1, 2, 3… without
 * gaps, so a sequence number never tells them how many entries are hidden from them.
 *
 * Built incrementally: each log entry is looked at once per audience (the projector, or one
 * set of participant roles), when the audience first needs to be caught up past it. An
 * entry's visibility never changes once it is logged (`isVisibleTo`), so neither does a
 * number once given.
 */
import type { LogEntry } from '../engine/log';
import type { Scenario } from '../scenario/types';
import { referencedSeqs } from './seq-references';
import type { Viewer } from './visibility';
import { isVisibleTo } from './visibility';

export interface AudienceNumbering {
  /** How many entries this audience may see so far: its last number. */
  readonly seq: number;
  /** The audience's number for a log seq it may see. */
  numberOf(logSeq: number): number | undefined;
  /** How many entries it may see up to and including a log seq (its number, if it sees it). */
  numberThrough(logSeq: number): number;
  /** The log seq behind one of its numbers. */
  logSeqOf(seq: number): number | undefined;
  /** Takes in the log up to `upTo` (a log seq). */
  catchUp(log: readonly LogEntry[], upTo: number): void;
}

/** The facilitator's numbering: the log's own. */
export class LogNumbering implements AudienceNumbering {
  private told = 0;
  get seq(): number {
    return this.told;
  }
  numberOf(logSeq: number): number | undefined {
    return logSeq >= 1 && logSeq <= this.told ? logSeq : undefined;
  }
  numberThrough(logSeq: number): number {
    return Math.max(0, Math.min(logSeq, this.told));
  }
  logSeqOf(seq: number): number | undefined {
    return this.numberOf(seq);
  }
  catchUp(_log: readonly LogEntry[], upTo: number): void {
    this.told = Math.max(this.told, upTo);
  }
}

/** The projector's numbering, or that of participants holding one set of roles. */
export class RoomNumbering implements AudienceNumbering {
  /** `logSeqs[n - 1]` is the log seq of this audience's entry number n. */
  private readonly logSeqs: number[] = [];
  private readonly numbers = new Map<number, number>();
  private processed = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly viewer: Viewer,
  ) {}

  get seq(): number {
    return this.logSeqs.length;
  }

  numberOf(logSeq: number): number | undefined {
    return this.numbers.get(logSeq);
  }

  numberThrough(logSeq: number): number {
    let low = 0;
    let high = this.logSeqs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.logSeqs[middle] ?? Infinity) <= logSeq) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  logSeqOf(seq: number): number | undefined {
    return this.logSeqs[seq - 1];
  }

  catchUp(log: readonly LogEntry[], upTo: number): void {
    const end = Math.min(upTo, log.length);
    for (let logSeq = this.processed + 1; logSeq <= end; logSeq++) {
      const entry = log[logSeq - 1];
      if (entry && this.sees(log, entry)) {
        this.logSeqs.push(logSeq);
        this.numbers.set(logSeq, this.logSeqs.length);
      }
    }
    this.processed = Math.max(this.processed, end);
  }

  /** Visible, and every entry it points at visible too (a reference it could not follow is a leak). */
  private sees(log: readonly LogEntry[], entry: LogEntry): boolean {
    return (
      isVisibleTo(this.scenario, log, entry, this.viewer) &&
      referencedSeqs(entry).every((logSeq) => this.numbers.has(logSeq))
    );
  }
}

/** One numbering per audience: the projector, and participants with the same roles. */
export function audienceKey(viewer: Viewer): string {
  return viewer.audience === 'participant'
    ? `participant:${[...viewer.roles].sort().join(',')}`
    : viewer.audience;
}
