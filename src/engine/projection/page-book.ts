/**
 * Pages and escalations in log order, each with the acknowledgement that counts for it: the
 * first in drill order that is not retracted.
 */
import type { EntryOf } from '../log';
import { DrillOrderRegister } from './drill-order-register';
import type { PageView } from './projection-views';

type Ack = EntryOf<'acknowledgement.recorded'>;

export class PageBook {
  readonly pages: PageView[] = [];
  private readonly index = new Map<number, number>();
  private readonly acks = new DrillOrderRegister<Ack, number>('first');

  page(seq: number): PageView | undefined {
    const at = this.index.get(seq);
    return at === undefined ? undefined : this.pages[at];
  }

  acknowledgementOf(escalation: number): Ack | undefined {
    return this.acks.current(escalation);
  }

  add(entry: EntryOf<'escalation.recorded'>): void {
    const { from, to, channel, delivered, undelivered, system, via, message, covered } =
      entry.payload;
    this.index.set(entry.seq, this.pages.length);
    this.pages.push({
      seq: entry.seq,
      drillMs: entry.drillMs,
      from,
      to,
      channel,
      delivered,
      undelivered,
      system,
      via,
      message,
      covered,
      ackSeq: null,
      ackedAtMs: null,
      retracted: false,
    });
  }

  acknowledge(entry: Ack): void {
    if (this.acks.add(entry.payload.escalation, entry)) this.refreshAck(entry.payload.escalation);
  }

  /** A retracted page is marked; a retracted acknowledgement gives way to the next one. */
  retract(seq: number): void {
    this.replace(seq, { retracted: true });
    const escalation = this.acks.retract(seq);
    if (escalation !== null) this.refreshAck(escalation);
  }

  private refreshAck(escalation: number): void {
    const ack = this.acks.current(escalation);
    this.replace(escalation, { ackSeq: ack?.seq ?? null, ackedAtMs: ack?.drillMs ?? null });
  }

  private replace(seq: number, changes: Partial<PageView>): void {
    const at = this.index.get(seq);
    const page = at === undefined ? undefined : this.pages[at];
    if (at !== undefined && page) this.pages[at] = { ...page, ...changes };
  }
}
